// React Email's components, each from its own package. The `@react-email/components` barrel loads
// every component at import, Prism's grammars (code block) and Tailwind included: about 0.7 s in
// every web and worker process at start, for eleven components that take 0.07 s on their own.
export { Body } from "@react-email/body";
export { Button } from "@react-email/button";
export { Container } from "@react-email/container";
export { Head } from "@react-email/head";
export { Heading } from "@react-email/heading";
export { Hr } from "@react-email/hr";
export { Html } from "@react-email/html";
export { Link } from "@react-email/link";
export { Preview } from "@react-email/preview";
export { Section } from "@react-email/section";
export { Text } from "@react-email/text";
