// The floor of bench/lighthouse.mjs (see bench/README.md): the least an App Router page ships.
export const metadata = { title: "Floor: a bare Next.js page" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
