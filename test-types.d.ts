// Type-checking the tests only (tsconfig.tests.json): a response body read in a test is whatever the assertion
// says it is, so `res.json()` is `any` there, as supertest-style clients have it; production code keeps `unknown`.
export {};
declare global {
  interface Body {
    json(): Promise<any>;
  }
  interface Response {
    json(): Promise<any>;
  }
}
