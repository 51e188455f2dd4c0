// The part of autocannon's API the page benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };
    type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
    type Result = { errors: number; timeouts: number; non2xx: number };
    interface Instance extends Promise<Result> {
      on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
