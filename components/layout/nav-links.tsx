"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  section?: string;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  let lastSection: string | undefined;
  return (
    <nav aria-label="Main" data-testid="main-nav">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        const header = item.section && item.section !== lastSection ? item.section : undefined;
        lastSection = item.section;
        return (
          <div key={item.href}>
            {header && <div className="section">{header}</div>}
            {/* Admin pages audit every refused visit: never prefetch them. */}
            <Link href={item.href} aria-current={active ? "page" : undefined} prefetch={item.section ? false : undefined}>
              {item.label}
            </Link>
          </div>
        );
      })}
    </nav>
  );
}
