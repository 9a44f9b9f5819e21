export declare const RESPONSE_CACHE_KEY: unique symbol;
