export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>
        One heading and one paragraph, built with the repository&apos;s own next and react: the
        floor that bench/lighthouse.mjs measures every page against.
      </p>
    </main>
  );
}
