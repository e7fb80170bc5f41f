import { redirect } from "next/navigation";

// Lessons are listed on the roadmap; /learn alone has nothing of its own to show.
export default function LearnIndex() {
  redirect("/");
}
