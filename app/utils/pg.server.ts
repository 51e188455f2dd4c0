// The PostgreSQL driver for search/ (outside app/): imported through a `.server` module of app/ so the
// browser build leaves the driver out (Remix empties only app's server modules; bundling `pg` for the
// browser fails the build).
export { default as pg } from "pg";
