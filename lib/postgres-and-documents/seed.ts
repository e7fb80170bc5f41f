import type { Transaction } from "@/db";
import { document } from "@/db/schema/postgres-and-documents";

type Book = {
  title: string;
  author: { name: string; country: string };
  year: number;
  pages: number;
  price: number;
  tags: string[];
  inStock: boolean;
  reviews?: Array<{ by: string; stars: number }>;
};

// #region seed
/** Every sandbox starts with a `books` collection to query: a dozen documents, not all alike. */
export const SEED_BOOKS: Book[] = [
  {
    title: "Designing Data-Intensive Applications",
    author: { name: "Martin Kleppmann", country: "DE" },
    year: 2017,
    pages: 616,
    price: 4499,
    tags: ["databases", "distributed"],
    inStock: true,
    reviews: [
      { by: "ana", stars: 5 },
      { by: "bo", stars: 4 },
    ],
  },
  {
    title: "SQL Performance Explained",
    author: { name: "Markus Winand", country: "AT" },
    year: 2012,
    pages: 204,
    price: 2999,
    tags: ["sql", "indexes"],
    inStock: true,
    reviews: [{ by: "cy", stars: 5 }],
  },
  {
    title: "The Art of PostgreSQL",
    author: { name: "Dimitri Fontaine", country: "FR" },
    year: 2019,
    pages: 455,
    price: 3900,
    tags: ["sql", "postgres"],
    inStock: false,
  },
  {
    title: "MongoDB: The Definitive Guide",
    author: { name: "Shannon Bradshaw", country: "US" },
    year: 2019,
    pages: 514,
    price: 4799,
    tags: ["mongodb", "databases"],
    inStock: true,
    reviews: [{ by: "ana", stars: 3 }],
  },
  {
    title: "Database Internals",
    author: { name: "Alex Petrov", country: "DE" },
    year: 2019,
    pages: 370,
    price: 4299,
    tags: ["databases", "storage", "distributed"],
    inStock: true,
  },
  {
    title: "Release It!",
    author: { name: "Michael Nygard", country: "US" },
    year: 2018,
    pages: 376,
    price: 3495,
    tags: ["operations", "resilience"],
    inStock: true,
    reviews: [
      { by: "bo", stars: 5 },
      { by: "dee", stars: 5 },
    ],
  },
  {
    title: "Web API Design",
    author: { name: "Brian Mulloy", country: "US" },
    year: 2012,
    pages: 38,
    price: 0,
    tags: ["http", "api"],
    inStock: true,
  },
  {
    title: "Site Reliability Engineering",
    author: { name: "Betsy Beyer", country: "US" },
    year: 2016,
    pages: 550,
    price: 3999,
    tags: ["operations"],
    inStock: false,
    reviews: [{ by: "cy", stars: 4 }],
  },
  {
    title: "Learning SQL",
    author: { name: "Alan Beaulieu", country: "US" },
    year: 2020,
    pages: 380,
    price: 3299,
    tags: ["sql"],
    inStock: true,
  },
  {
    title: "High Performance MySQL",
    author: { name: "Silvia Botros", country: "US" },
    year: 2021,
    pages: 390,
    price: 4599,
    tags: ["sql", "mysql", "indexes"],
    inStock: true,
  },
  {
    title: "Seven Databases in Seven Weeks",
    author: { name: "Luc Perkins", country: "US" },
    year: 2018,
    pages: 360,
    price: 3195,
    tags: ["databases", "mongodb", "postgres"],
    inStock: true,
    reviews: [{ by: "dee", stars: 2 }],
  },
  {
    title: "PostgreSQL: Up and Running",
    author: { name: "Regina Obe", country: "US" },
    year: 2017,
    pages: 312,
    price: 2899,
    tags: ["postgres"],
    inStock: false,
  },
];

export async function seedDocuments(tx: Transaction, sandboxId: string): Promise<void> {
  // One second apart, oldest first, so "newest first" and ties in a sort have one order.
  const start = Date.UTC(2025, 0, 1);
  await tx.insert(document).values(
    SEED_BOOKS.map((body, i) => ({
      sandboxId,
      collection: "books",
      body,
      createdAt: new Date(start + i * 1000),
      updatedAt: new Date(start + i * 1000),
    })),
  );
}
// #endregion
