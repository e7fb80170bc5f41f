import Link from "next/link";
import { lessons } from "@/content/lessons";

export default function Home() {
  return (
    <ul className="p-8">
      {lessons.map((l) => (
        <li key={l.meta.slug}>
          <Link href={`/learn/${l.meta.slug}`}>{l.meta.title}</Link>
        </li>
      ))}
    </ul>
  );
}
