import { createContext, forwardRef, useContext, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";
import { useNavigate } from "@remix-run/react";

type Navigate = (to: string, options: { replace: boolean }) => void;

const NavigateContext = createContext<Navigate | null>(null);

/** Gives every AppLink below it the router's navigation, read once per page instead of once per link. */
export function AppLinkProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

// What <Link> leaves to the browser: a new tab or window, a download, another target.
function isPlainClick(event: MouseEvent<HTMLAnchorElement>, target: string | undefined): boolean {
  return event.button === 0 && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey && (!target || target === "_self");
}

/**
 * A link to a path of this app ("/…", never relative), navigating in the page like Remix's <Link>.
 * <Link> resolves its path through several router hooks on every render, about 20 µs each on the
 * server; the search pages, the header and the footer render thirty-odd links per page (ADR 017).
 * `data-discover` lets Remix learn the target route ahead of the click, as it does for <Link>.
 */
export const AppLink = forwardRef<HTMLAnchorElement, Props>(function AppLink({ to, onClick, target, ...rest }, ref) {
  const navigate = useContext(NavigateContext);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !navigate || !isPlainClick(event, target)) return;
    event.preventDefault();
    const here = window.location.pathname + window.location.search + window.location.hash;
    navigate(to, { replace: here === to });
  };
  return <a ref={ref} href={to} target={target} data-discover="true" onClick={handleClick} {...rest} />;
});
