/**
 * `@dance/testing`: what your own test suite needs to test code built on Dance —
 * the memory and null storages, and (added below) a real in-process OpenID Provider,
 * a fake provider for fault injection, and a cookie-keeping HTTP client.
 * @module
 */
export { MemoryStorage, NullStorage } from "@dance/core";
