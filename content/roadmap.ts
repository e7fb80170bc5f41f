/**
 * The 6-month plan of `ROADMAP.md` as data. Text may mark emphasis with `**bold**`, as the plan
 * does; `components/roadmap/rich-text.tsx` renders it.
 */
export type RichText = string;

/** A lesson the plan calls for. It is written once a folder content/lessons/<slug> declares it. */
export type PlannedLesson = { slug: string; title: string };

/** Two weeks of the plan, e.g. weeks "3-4", in the same form as a lesson's `meta.weeks`. */
export type WeekBlock = {
  weeks: `${number}-${number}`;
  topics: RichText[];
  lessons: PlannedLesson[];
};

export type Month = {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  title: string;
  objective: RichText;
  /** The plan's "Languages" or "Languages & Frameworks" line; only months 1 and 2 have one. */
  stack?: { label: string; text: RichText };
  keyTopics: RichText[];
  miniProjects: RichText[];
  weekBlocks: WeekBlock[];
};

export type Roadmap = {
  title: string;
  overview: RichText[];
  months: Month[];
  finalNotes: { label: string; text: RichText }[];
  afterSixMonths: { outcomes: RichText[]; closing: RichText };
};

export const roadmap: Roadmap = {
  title: "Backend Mastery Journey - 6-Month Plan",
  overview: [
    "This is a 6-month structured plan to become a proficient backend developer. The goal is to master everything from basic concepts to advanced backend systems, including deployment, system design, and GenAI pipeline integration.",
    "The focus is on building real-world projects, learning key concepts, and improving problem-solving skills with **hands-on coding**.",
  ],
  months: [
    {
      number: 1,
      title: "Foundations & Core Skills",
      objective:
        "Build strong programming foundations, setup tools, and learn basic backend principles.",
      stack: {
        label: "Languages",
        text: "Choose between **JavaScript/TypeScript** (Node.js) or **Go**.",
      },
      keyTopics: [
        "Learn language fundamentals (Data types, loops, functions, and OOP).",
        "Version Control (Git, GitHub) and basic **command-line usage**.",
        "Learn HTTP protocols and RESTful APIs.",
        "Database basics: SQL (PostgreSQL or MySQL).",
      ],
      miniProjects: [
        "Build a **Todo app** with basic CRUD functionality (API-based).",
        "Implement basic **User Authentication** (sessions or JWT).",
        "Explore GitHub workflows: Branches, Pull Requests, Issues.",
      ],
      weekBlocks: [
        {
          weeks: "1-2",
          topics: [
            "Language fundamentals (loops, functions, classes).",
            "Command-line tools: Setup the terminal, learn basic Git commands.",
          ],
          lessons: [
            { slug: "language-fundamentals", title: "Language fundamentals in TypeScript" },
            { slug: "command-line-and-git", title: "The command line and Git" },
            { slug: "github-workflow", title: "GitHub workflow: branches, pull requests, issues" },
          ],
        },
        {
          weeks: "3-4",
          topics: [
            "RESTful API Basics: Endpoints, HTTP methods, status codes.",
            "SQL Databases: Tables, relationships, simple queries.",
          ],
          lessons: [
            { slug: "http-and-rest", title: "HTTP and REST" },
            { slug: "todo-api", title: "Build a Todo API (CRUD)" },
            { slug: "sql-basics", title: "SQL basics: tables, keys and simple queries" },
          ],
        },
      ],
    },
    {
      number: 2,
      title: "Backend Frameworks & Databases",
      objective: "Start using backend frameworks and deepen database knowledge.",
      stack: {
        label: "Languages & Frameworks",
        text: "**Node.js with Express** or **Go with Gin**.",
      },
      keyTopics: [
        "Learn backend frameworks (Express.js or Gin).",
        "REST API design: CRUD operations, error handling, validation.",
        "Integrating with databases: Postgres, MongoDB.",
        "Advanced SQL: Joins, transactions, and stored procedures.",
      ],
      miniProjects: [
        "Build a **Blog API** (CRUD functionality with a database).",
        "**E-commerce API** with user accounts, authentication.",
      ],
      weekBlocks: [
        {
          weeks: "5-6",
          topics: [
            "Learn the framework (Express.js or Gin).",
            "Integrate the backend with a SQL database.",
            "Implement advanced queries (joins, aggregations).",
          ],
          lessons: [
            { slug: "express-and-sql", title: "Frameworks and SQL integration" },
            { slug: "joins-and-aggregations", title: "Joins and aggregations" },
            {
              slug: "transactions-and-procedures",
              title: "Transactions, isolation and stored procedures",
            },
            {
              slug: "postgres-and-documents",
              title: "Postgres and documents: JSONB with MongoDB's filters",
            },
            { slug: "blog-api", title: "Build a Blog API" },
          ],
        },
        {
          weeks: "7-8",
          topics: [
            "Learn about **Authentication** and **Authorization**.",
            "Build a **JWT Authentication system**.",
            "Build a simple **E-commerce API** with authentication.",
          ],
          lessons: [
            { slug: "authn-and-authz", title: "Authentication and authorization" },
            { slug: "jwt-auth", title: "Build JWT authentication" },
            { slug: "ecommerce-api", title: "An e-commerce API with accounts and transactions" },
          ],
        },
      ],
    },
    {
      number: 3,
      title: "Intermediate Backend Concepts",
      objective: "Learn core backend patterns like middleware, services, and data validation.",
      keyTopics: [
        "Middleware and Request Handling.",
        "**Service Layer** design.",
        "**Error Handling** strategies.",
        "**Data Validation** and sanitization.",
        "**File Uploads** (Handling files in APIs).",
        "More on **SQL** (subqueries, indexes).",
      ],
      miniProjects: [
        "Implement **File Upload functionality** in an API.",
        "Build a **Blog API** with middleware for logging, validation, and error handling.",
      ],
      weekBlocks: [
        {
          weeks: "9-10",
          topics: [
            "Dive deeper into middleware.",
            "Implement robust **error handling** (try-catch).",
            "Learn **data validation libraries** (e.g., Joi for Node.js).",
          ],
          lessons: [
            { slug: "middleware", title: "Middleware and request handling" },
            { slug: "error-handling", title: "Error handling strategies" },
            { slug: "data-validation", title: "Data validation and sanitization" },
          ],
        },
        {
          weeks: "11-12",
          topics: [
            "Implement file uploads (e.g., images, CSV files).",
            "Refactor a simple blog project with proper validation and error handling.",
          ],
          lessons: [
            { slug: "file-uploads", title: "File uploads: images and CSV" },
            { slug: "subqueries-and-indexes", title: "Subqueries and indexes" },
            { slug: "blog-api-refactor", title: "Refactor the Blog API into a service layer" },
          ],
        },
      ],
    },
    {
      number: 4,
      title: "System Design & Scalable APIs",
      objective: "Learn system design principles and build scalable APIs.",
      keyTopics: [
        "**API Rate Limiting** (Redis, tokens).",
        "**Load Balancing** (Horizontal scaling).",
        "**Caching** (Redis or Memcached).",
        "**API Versioning**.",
        "**Logging** and monitoring.",
      ],
      miniProjects: [
        "Implement **Rate Limiter** in a Node.js/Go API.",
        "Build a **Cacheable E-commerce API** using Redis.",
      ],
      weekBlocks: [
        {
          weeks: "13-14",
          topics: [
            "Learn about **load balancing**, **caching**, and **rate-limiting**.",
            "Implement basic **Rate Limiting** in an API.",
          ],
          lessons: [
            { slug: "load-balancing", title: "Load balancing and horizontal scaling" },
            { slug: "rate-limiting", title: "Rate limiting with Redis" },
          ],
        },
        {
          weeks: "15-16",
          topics: [
            "**Caching** with Redis: Build a basic caching layer.",
            "Learn how to handle scalability in backend systems.",
          ],
          lessons: [
            { slug: "caching-with-redis", title: "Caching with Redis" },
            { slug: "cacheable-ecommerce-api", title: "A cacheable e-commerce API" },
            { slug: "api-versioning", title: "API versioning" },
          ],
        },
      ],
    },
    {
      number: 5,
      title: "DevOps & Deployment",
      objective: "Learn deployment practices and CI/CD pipelines.",
      keyTopics: [
        "**CI/CD**: Jenkins, GitHub Actions.",
        "**Docker**: Containers for development and deployment.",
        "**Deployment**: Heroku, AWS, or DigitalOcean.",
        "**Monitoring and Logging**: ELK stack, Prometheus.",
      ],
      miniProjects: [
        "Set up a **CI/CD pipeline**.",
        "Dockerize your API and deploy to **Heroku** or **AWS**.",
      ],
      weekBlocks: [
        {
          weeks: "17-18",
          topics: [
            "Learn about **Docker** and **containerization**.",
            "Set up **CI/CD pipelines** for automatic deployment.",
          ],
          lessons: [
            { slug: "docker", title: "Docker and containers" },
            { slug: "ci-cd", title: "CI/CD with GitHub Actions" },
          ],
        },
        {
          weeks: "19-20",
          topics: [
            "Learn about **Monitoring** and **Logging**.",
            "Deploy your API to a cloud platform (e.g., AWS, Heroku).",
          ],
          lessons: [
            { slug: "logging-and-monitoring", title: "Logging and monitoring" },
            { slug: "deploy-to-the-cloud", title: "Deploy your API to the cloud" },
          ],
        },
      ],
    },
    {
      number: 6,
      title: "Advanced Topics & GenAI Pipeline (Final Stretch)",
      objective: "Explore advanced backend topics and start building **GenAI Agent Pipelines**.",
      keyTopics: [
        "**GenAI**: Basics of Generative AI (using Ollama, GPT-based APIs).",
        "**Microservices Architecture**: Design patterns, service communication.",
        "**GraphQL**: Alternative to REST APIs.",
        "**Advanced Database Topics**: Sharding, replication, consistency models.",
        "**System Design**: Scalability, reliability, availability.",
      ],
      miniProjects: [
        "Implement a **GenAI Customer Support Agent**.",
        "Design a **microservice-based backend** for a real application.",
      ],
      weekBlocks: [
        {
          weeks: "21-22",
          topics: [
            "Explore **Generative AI** and learn how to integrate it into backend systems.",
            "Build a **simple GenAI agent** for a task (e.g., customer support).",
          ],
          lessons: [
            { slug: "genai-basics", title: "Generative AI in a backend" },
            { slug: "genai-support-agent", title: "A GenAI customer-support agent" },
          ],
        },
        {
          weeks: "23-24",
          topics: [
            "Learn about **Microservices Architecture** and **GraphQL**.",
            "Refactor your API to a **microservices-based system**.",
            "Design your final project using everything you’ve learned.",
          ],
          lessons: [
            { slug: "graphql", title: "GraphQL" },
            { slug: "microservices", title: "Microservices architecture" },
            { slug: "final-project", title: "Final project: design for scale" },
          ],
        },
      ],
    },
  ],
  finalNotes: [
    { label: "Practice", text: "Keep coding every day, even if small tasks." },
    {
      label: "Projects",
      text: "Don’t hesitate to create multiple mini-projects; **focus on depth** over breadth.",
    },
    {
      label: "System Design",
      text: "Continuously refine your system design skills by solving real-world problems.",
    },
  ],
  afterSixMonths: {
    outcomes: [
      "You will have a robust **backend portfolio** with mini-projects showcasing your skills.",
      "You will have **real-world experience** in building scalable APIs, deploying systems, and automating workflows.",
      "You’ll be ready to dive into **GenAI pipelines** for advanced backend work.",
    ],
    closing:
      "The final step is to refine everything, polish your portfolio, and start applying for jobs in big companies!",
  },
};

/** A planned lesson as the roadmap shows it: a link when written, muted when still upcoming. */
export type ResolvedLesson =
  | { status: "written"; slug: string; title: string; minutes: number; summary: string }
  | { status: "upcoming"; slug: string; title: string };

/** Every planned lesson in reading order, with the month and week block that plans it. */
export function plannedLessons(
  plan: Roadmap = roadmap,
): (PlannedLesson & { month: Month["number"]; weeks: WeekBlock["weeks"] })[] {
  return plan.months.flatMap((month) =>
    month.weekBlocks.flatMap((block) =>
      block.lessons.map((lesson) => ({ ...lesson, month: month.number, weeks: block.weeks })),
    ),
  );
}

/** The first and last week of a block: "3-4" → [3, 4]. */
export function weekSpan(weeks: WeekBlock["weeks"]): [number, number] {
  const [first, last] = weeks.split("-").map(Number);
  return [first ?? 0, last ?? 0];
}
