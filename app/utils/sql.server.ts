// Prisma's SQL template helpers for search/ (outside app/): imported through a `.server` module of
// app/ so the browser build leaves the Prisma runtime out (Remix empties only app's server modules).
export { Prisma } from "~/generated/prisma/client";
