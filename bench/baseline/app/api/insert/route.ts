// One raw insert per JSON post: better-sqlite3 on BASELINE_SQLITE_FILE, or pg on BASELINE_POSTGRES_URL.
import Database from "better-sqlite3";
import pg from "pg";

export const dynamic = "force-dynamic";

type Insert = (email: string, payload: string) => Promise<void>;

let insert: Insert | undefined;

function connect(): Insert {
  const postgres = process.env.BASELINE_POSTGRES_URL;
  if (postgres) {
    const pool = new pg.Pool({ connectionString: postgres, max: 10 });
    return async (email, payload) => {
      await pool.query('INSERT INTO "Filing" ("email", "payload") VALUES ($1, $2)', [email, payload]);
    };
  }
  const file = process.env.BASELINE_SQLITE_FILE;
  if (!file) throw new Error("BASELINE_SQLITE_FILE or BASELINE_POSTGRES_URL must be set");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const statement = db.prepare('INSERT INTO "Filing" ("email", "payload") VALUES (?, ?)');
  return async (email, payload) => {
    statement.run(email, payload);
  };
}

export async function POST(request: Request): Promise<Response> {
  const body = (await request.json()) as { email?: unknown };
  if (typeof body.email !== "string") return Response.json({ error: "email" }, { status: 400 });
  insert ??= connect();
  await insert(body.email, JSON.stringify(body));
  return Response.json({ ok: true }, { status: 201 });
}
