// A JSON value as tests and benchmarks read it: a response body, a record of the fake platform
// server, a line a child process printed. Assertions reach into these by name, and a wrong path
// fails the assertion or the run, so this is the one place type checking is opted out of — by
// name, rather than `any` spread through the files.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
