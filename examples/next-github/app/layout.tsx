import type { ReactNode } from "react";

export const metadata = { title: "Dance + Next.js + GitHub" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ font: "16px/1.5 system-ui, sans-serif", maxWidth: "40rem", margin: "3rem auto", padding: "0 1rem", color: "#1d2433" }}>{children}</body>
    </html>
  );
}
