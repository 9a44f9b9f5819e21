/**
 * Demo content for the Dateline seed script.
 *
 * Everything in this module is fictional: the reporters, the officials who are
 * quoted and the events described are invented for demonstration and
 * benchmarking purposes. The module deliberately has no imports so it can be
 * loaded from any seed or benchmark script.
 */

export type DemoAuthor = { slug: string; name: string; bio: string };

export type DemoArticle = {
  /** Headline, 40-110 chars. */
  title: string;
  /** One-sentence standfirst, 80-200 chars. */
  dek: string;
  /** 4-7 paragraphs of news copy, each 50-120 words. Rendered as Markdown. */
  paragraphs: string[];
  /** 2-5 tag names (Title Case) from a shared vocabulary. */
  tags: string[];
  /** Slug of one of DEMO_AUTHORS. */
  author: string;
  /** Publication age in days relative to "now" when the seed runs. */
  daysAgo: number;
  /** Hour of day (UTC) the article was published, 6..21. */
  hour: number;
};

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    slug: "elena-marsh",
    name: "Elena Marsh",
    bio: "Elena Marsh is Dateline's foreign correspondent, covering diplomacy, conflict and humanitarian affairs. She has reported from more than thirty countries and previously ran a bureau in Nairobi.",
  },
  {
    slug: "daniel-okoye",
    name: "Daniel Okoye",
    bio: "Daniel Okoye is economics editor, writing about central banks, trade and the cost of living. Before journalism he spent six years as an analyst at a regional development bank.",
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    bio: "Priya Raman covers science, health and the environment for Dateline. She holds a doctorate in atmospheric chemistry and likes her data with error bars.",
  },
  {
    slug: "tomas-lindqvist",
    name: "Tomas Lindqvist",
    bio: "Tomas Lindqvist is political correspondent, following parliaments, campaigns and elections at home and abroad. He has covered eleven national votes on three continents.",
  },
  {
    slug: "sofia-castellanos",
    name: "Sofia Castellanos",
    bio: "Sofia Castellanos writes about culture, sport and the way people live, from film festivals to football terraces. She joined Dateline from a regional arts magazine.",
  },
];

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: "Foreign ministers agree framework for talks on disputed mountain border",
    dek: "After two days of closed-door meetings, the neighbouring governments committed to a joint survey commission and a hotline between field commanders.",
    paragraphs: [
      `Foreign ministers from two neighbouring Asian states agreed on Tuesday to a framework for formal negotiations over a long-disputed stretch of mountain border, ending two days of closed-door meetings at a lakeside conference centre. The agreement does not settle the boundary itself, officials cautioned, but sets out a timetable and a set of rules for talks that have stalled repeatedly over the past decade.`,
      `Under the framework, a joint survey commission staffed by cartographers from both countries will begin mapping the contested valleys before the first snowfall. Field commanders on either side will also be connected by a dedicated hotline, a measure that diplomats said was intended to stop small incidents between patrols from escalating into something larger.`,
      `"Nobody should pretend that the hard questions have been answered," said Ravi Menon, a senior adviser to one of the delegations. "What we have is a process both capitals can defend at home, and that has been missing for years." He added that the next round would take place within ninety days.`,
      `Analysts said the timing reflected growing pressure from trading partners worried about disruption to a highway that carries a large share of regional freight. Several border crossings were closed for weeks last year after a confrontation between patrols, stranding hundreds of lorries and pushing up prices in market towns on both sides.`,
      `Residents of the frontier districts reacted cautiously. Local councils have long complained that they are consulted last, and a coalition of village leaders issued a statement asking for a seat at the survey commission. Officials said community representatives would be invited to observe the mapping work but would not take part in the negotiations themselves.`,
    ],
    tags: ["Geopolitics", "International Relations", "Regional Security", "Asia"],
    author: "elena-marsh",
    daysAgo: 0.1,
    hour: 9,
  },
  {
    title: "Central bank holds interest rates steady as inflation eases for a fourth month",
    dek: "Policymakers signalled that cuts could come later in the year, but warned that services prices and wage growth remain uncomfortably high.",
    paragraphs: [
      `The central bank left its benchmark interest rate unchanged on Thursday, saying it needed more evidence that easing inflation would persist before it could begin lowering borrowing costs. Annual consumer price inflation fell for a fourth consecutive month in the latest figures, helped by cheaper energy and a slowdown in food prices, but it remains above the bank's target.`,
      `In a statement accompanying the decision, the rate-setting committee said that price growth in services, which is closely linked to wages, was "still running at a pace inconsistent with a sustained return to target." Seven members voted to hold rates and two favoured an immediate quarter-point cut, the largest number of dissenting votes in more than a year.`,
      `Governor Helena Roos told reporters that the committee was "not in a hurry, but not standing still either." She said the bank's latest projections assumed a gradual reduction in rates over the next eighteen months, while stressing that the path would depend on incoming data rather than on any predetermined schedule.`,
      `Financial markets had largely expected the decision. Government bond yields edged lower after the announcement as traders focused on the two dissenting votes, and the currency slipped slightly against the dollar. Mortgage lenders said they expected fixed-rate deals to continue falling modestly, extending a trend that has brought some relief to households refinancing this year.`,
      `Business groups urged faster action. A spokesperson for a national federation of small firms said that high borrowing costs were holding back investment and hiring, particularly in construction and retail. Unions, meanwhile, warned against attributing persistent inflation to pay rises, noting that real wages had only recently recovered to the level seen before the energy price shock.`,
    ],
    tags: ["Economy", "Markets", "Europe"],
    author: "daniel-okoye",
    daysAgo: 0.4,
    hour: 13,
  },
  {
    title: "UN agencies warn aid corridors are near breaking point as rainy season begins",
    dek: "Flooded roads and funding shortfalls threaten deliveries to more than two million people, relief officials said, urging donors to act within weeks.",
    paragraphs: [
      `United Nations agencies warned on Monday that humanitarian supply routes into a conflict-affected region of East Africa were close to collapse as seasonal rains began to wash out dirt roads. Convoys that normally take three days are now taking more than a week, and some districts have received no food deliveries since the start of the month, according to a joint statement from relief organisations.`,
      `More than two million people depend on the corridors for food, clean water and medical supplies. Aid officials said that pre-positioning stocks before the rains had been only partly successful because an appeal launched earlier in the year has received less than a third of the money requested.`,
      `"We are watching trucks sit in mud while clinics run out of basic antibiotics," said Amina Yusuf, who coordinates logistics for a consortium of aid groups in the area. "Every week of delay makes the response more expensive and the consequences for families more severe." She said helicopters could reach some locations but at many times the cost of road transport.`,
      `Human rights monitors have also raised concerns about checkpoints where aid workers report long delays and demands for informal payments. The agencies called on all armed groups to guarantee safe passage and to allow civilians to move freely toward distribution points, which they said was an obligation under international humanitarian law.`,
      `Donor governments are due to meet next month to review funding for the region. Several have signalled that budgets are under strain because of competing crises elsewhere, and relief officials fear that pledges will fall short again. They urged donors to release at least part of the money early so that warehouses can be restocked before the rains peak.`,
    ],
    tags: ["Humanitarian Aid", "Human Rights", "Geopolitics", "Africa"],
    author: "elena-marsh",
    daysAgo: 0.8,
    hour: 7,
  },
  {
    title: "Neighbouring states sign cross-border electricity pact to share surplus wind power",
    dek: "The agreement links three national grids through a new undersea cable and sets common rules for trading power during shortages.",
    paragraphs: [
      `Energy ministers from three European countries signed an agreement on Wednesday to link their electricity grids through a new undersea interconnector, allowing surplus wind power generated on blustery days to be traded across borders. The project, which is expected to cost several billion euros, is due to begin construction next year and to enter service by the end of the decade.`,
      `Supporters say the cable will reduce the need for expensive backup generation by letting each country draw on its neighbours' output when its own turbines are idle. Grid operators estimate that the link could cut wholesale price spikes during cold, still weather by as much as a fifth, though they cautioned that such projections depend on how quickly new wind farms are built.`,
      `"Energy security used to mean storing fuel behind your own border," said Katrin Vold, one of the signatory ministers. "Now it increasingly means being well connected to the people next door." The agreement includes a clause obliging each country to keep exports flowing during a neighbour's supply emergency, a provision negotiators described as the hardest to agree.`,
      `Industry groups welcomed the deal but warned that permitting delays could push the timetable back. Several earlier interconnector projects in the region took years longer than planned because of planning disputes onshore, where high-voltage lines must cross farmland and protected coastal areas.`,
      `Environmental organisations broadly supported the project while asking for careful routing of the seabed cable to avoid sensitive habitats. Fishing associations said they wanted compensation for any disruption during installation, and the ministers said a consultation would open in the spring.`,
    ],
    tags: ["Energy Cooperation", "Geopolitics", "Economy", "Europe"],
    author: "daniel-okoye",
    daysAgo: 1.2,
    hour: 11,
  },
  {
    title: "New sanctions package targets shipping networks accused of evading export curbs",
    dek: "Officials named dozens of vessels and front companies, saying the measures were aimed at closing loopholes rather than widening restrictions.",
    paragraphs: [
      `A coalition of Western governments announced a new package of sanctions on Friday targeting shipping companies, insurers and intermediaries accused of helping to evade existing export restrictions. The measures name more than forty vessels and two dozen front companies registered in several jurisdictions, and bar them from using ports and financial services in the participating countries.`,
      `Officials said the package was designed to enforce existing rules more effectively rather than to expand the list of restricted goods. Investigators have documented a pattern of ship-to-ship transfers in open water, frequent changes of flag and ownership, and vessels switching off their tracking transponders for days at a time.`,
      `"Sanctions only work if they are enforced, and enforcement means following the ships," said Marcus Feld, a senior official at one of the finance ministries involved. He said the participating governments had shared intelligence on ownership structures and would continue to add names as new evasion routes were identified.`,
      `Shipping industry representatives said legitimate operators were struggling to keep up with the growing volume of compliance checks. A trade association for ship owners called for clearer guidance on due diligence, arguing that small firms risk being caught out by transactions several steps removed from any sanctioned party.`,
      `Critics of the approach argue that such measures tend to shift trade rather than stop it, pushing business toward less transparent operators and raising environmental risks from ageing, poorly insured tankers. Supporters counter that raising the cost of evasion is itself the goal, and that each round of listings makes the workarounds more expensive.`,
    ],
    tags: ["Sanctions", "Foreign Policy", "Geopolitics", "Trade"],
    author: "elena-marsh",
    daysAgo: 1.7,
    hour: 16,
  },
  {
    title: "Researchers map vast deep-water coral reef found off the continental shelf",
    dek: "The reef, stretching for dozens of kilometres at depths of up to 800 metres, was charted using autonomous underwater vehicles over three expeditions.",
    paragraphs: [
      `Marine scientists have mapped an extensive cold-water coral reef running for dozens of kilometres along the edge of the continental shelf, at depths of between 400 and 800 metres. The structure, built over thousands of years by slow-growing corals that live without sunlight, was charted in detail for the first time using autonomous underwater vehicles during three research expeditions.`,
      `Unlike tropical reefs, deep-water corals feed on organic particles drifting down from the surface and can survive in near-freezing water. The newly mapped reef supports a dense community of sponges, crabs and fish, several of which the team believes may be previously undescribed species pending genetic analysis.`,
      `"We expected isolated mounds, and instead we found something continuous enough to be visible from the ship's sonar," said Dr Lucia Ferreira, the expedition's chief scientist. "It changes how we think about the ecology of this whole stretch of ocean." The results were published this week in a peer-reviewed journal.`,
      `The researchers noted signs of damage in some sections, including broken coral consistent with bottom trawling and discarded fishing gear. Cold-water corals grow only a few millimetres a year, meaning scars can take centuries to heal. The team has shared its maps with fisheries regulators, who are considering whether to extend protections to the area.`,
      `The expeditions also collected water samples to measure acidity. Scientists are concerned that rising carbon dioxide levels are making deep water more corrosive to the calcium carbonate skeletons corals rely on, and the new reef is expected to become a long-term monitoring site for those changes.`,
    ],
    tags: ["Science", "Climate"],
    author: "priya-raman",
    daysAgo: 2.3,
    hour: 10,
  },
  {
    title: "Parliament passes annual budget after marathon overnight session",
    dek: "The spending plan raises infrastructure investment and trims administrative costs, but opposition parties say it relies on optimistic growth forecasts.",
    paragraphs: [
      `Lawmakers approved the government's annual budget early on Saturday after a session that lasted more than nineteen hours, ending weeks of negotiation between the governing coalition and two smaller parties whose votes were needed to secure a majority. The final tally was narrower than expected, with several backbenchers abstaining over cuts to regional transport subsidies.`,
      `The budget increases spending on roads, rail and broadband by around eight percent, while reducing administrative budgets across most ministries. The finance ministry said the plan would keep the deficit within the limits set by national fiscal rules, relying partly on higher receipts from a recently reformed corporate tax.`,
      `"This is a budget for building things, and for paying for them honestly," Finance Minister Jonas Berglund told the chamber shortly before the vote. He acknowledged that the compromises required to pass it had left "nobody entirely happy," including, he added, himself.`,
      `Opposition parties argued that the revenue projections were based on growth forecasts that many independent economists consider too optimistic. An independent fiscal council said last month that the plan carried "meaningful downside risks" if the economy slowed, and recommended a larger contingency reserve.`,
      `The budget now goes to the upper house, which can delay but not block it. Analysts expect it to be signed into law before the start of the fiscal year, though the vote has exposed tensions within the coalition that could resurface during the spring debate on pension reform.`,
    ],
    tags: ["Economy", "Europe"],
    author: "tomas-lindqvist",
    daysAgo: 2.9,
    hour: 8,
  },
  {
    title: "Election commission confirms presidential runoff date after close first round",
    dek: "Neither leading candidate cleared the 50 percent threshold, setting up a second round in three weeks amid calls for calm from observers.",
    paragraphs: [
      `The national election commission confirmed on Sunday that a presidential runoff will be held in three weeks after neither of the two leading candidates secured an outright majority in the first round. Final results showed the front-runner with just under 46 percent of the vote, roughly five points ahead of her nearest rival, with turnout of around 62 percent.`,
      `International observers said the first round had been generally well organised, though they noted long queues in urban districts, late delivery of ballot materials to some rural polling stations and isolated reports of intimidation. Their preliminary report recommended improvements to the process for transmitting results from remote areas.`,
      `"The people have spoken clearly enough to tell us that they want a real choice," said the commission's chair, Joseph Mensah, at a press conference in the capital. He appealed to supporters of all parties to "respect the process and each other" during the campaign ahead.`,
      `Both candidates have begun courting the voters of eliminated contenders, whose combined share exceeded 15 percent. The economy, youth unemployment and security in the northern provinces dominated the first-round campaign and are expected to shape the runoff, which will also include a televised debate for the first time in the country's history.`,
      `Regional leaders issued a joint statement welcoming the peaceful conduct of the vote. Civil society groups said they would deploy more than ten thousand volunteer monitors for the second round, nearly double the number who observed the first.`,
    ],
    tags: ["Elections", "Africa"],
    author: "tomas-lindqvist",
    daysAgo: 3.5,
    hour: 18,
  },
