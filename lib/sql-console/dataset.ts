/**
 * The teaching dataset every learner shares: schema `music`, read-only, generated from
 * generate_series with plain integer arithmetic (no random()), so every database holds the same
 * rows. plays is the large table (250,000 rows) and deliberately has no index on listener_id,
 * track_id or played_at: the indexes lesson creates one (inside its rolled-back transaction) and
 * compares EXPLAIN ANALYZE before and after.
 */

/** Bumped whenever the statements below change; the Postgres copy is rebuilt when it differs. */
export const DATASET_VERSION = "music-v1";

export const DATASET_COUNTS = {
  artists: 2_000,
  albums: 8_000,
  listeners: 10_000,
  plays: 250_000,
} as const;

const words = (list: string) => `string_to_array('${list}', ' ')`;

// Word lists combined by arithmetic on the row number: plausible names, all different enough.
const ADJECTIVES = words(
  "Silver Velvet Electric Midnight Golden Broken Crimson Hollow Neon Quiet Wild Paper Iron Lunar Static Northern Blue Burning Frozen Little Savage Gentle Distant Restless",
);
const NOUNS = words(
  "Wolves Harbor Echoes Lanterns Rivers Satellites Orchids Machines Tides Sparrows Engines Ghosts Mirrors Foxes Kings Bridges Comets Violets Owls Signals Valleys Horizons Pilots Stones",
);
const TITLE_WORDS = words(
  "Love Night Fire Rain Summer Heart Dream City Road Light Shadow Ocean Star Time Home Glass Smoke Gold Wind Storm Morning Echo River Paper Highway Winter Dance Silence Color Stranger",
);
const FIRST_NAMES = words(
  "Ava Liam Noah Emma Olivia Mateo Sofia Lucas Mia Hugo Lea Jonas Amara Kenji Yuki Ines Omar Zara Elias Nora Ravi Priya Tomas Freya Diego Chloe Leon Maya Ivan Sara",
);
const LAST_NAMES = words(
  "Smith Garcia Muller Rossi Silva Kim Tanaka Novak Dubois Jensen Costa Ahmed Okafor Lopez Schmidt Moreau Kowalski Nguyen Haddad Berg Santos Ivanova Patel Fischer Larsen",
);
const COUNTRIES = words("US GB DE FR SE NO BR JP KR CA AU ES IT NL MX NG IN PL AR IE");
const GENRES = words(
  "rock pop jazz electronic hip-hop folk classical metal soul indie reggae blues",
);

/** `list[1 + (expr mod length)]`: one word of a list, chosen by arithmetic. */
const pick = (list: string, expr: string) => `(${list})[1 + ((${expr}) % cardinality(${list}))]`;

/** The statements that create and fill schema `music` (into an empty schema of that name). */
export const DATASET_SQL: readonly string[] = [
  `create table music.artists (
    id integer primary key,
    name text not null,
    country text not null,
    formed_year integer not null
  )`,
  `create table music.albums (
    id integer primary key,
    artist_id integer not null,
    title text not null,
    released_on date not null,
    genre text not null
  )`,
  `create table music.tracks (
    id integer primary key,
    album_id integer not null,
    title text not null,
    track_no integer not null,
    duration_seconds integer not null
  )`,
  `create table music.listeners (
    id integer primary key,
    name text not null,
    country text not null,
    joined_on date not null,
    plan text not null check (plan in ('free', 'premium'))
  )`,
  `create table music.plays (
    id integer primary key,
    listener_id integer not null,
    track_id integer not null,
    played_at timestamptz not null,
    seconds_played integer not null
  )`,
  `insert into music.artists
   select i,
     case when i % 5 = 0 then 'The ' else '' end || ${pick(ADJECTIVES, "i * 7")} || ' ' || ${pick(NOUNS, "i * 13 + i / 24")},
     ${pick(COUNTRIES, "i * 31 + i / 7")},
     1960 + (i * 37) % 64
   from generate_series(1, ${DATASET_COUNTS.artists}) as i`,
  `insert into music.albums
   select i, a.id,
     ${pick(TITLE_WORDS, "i * 11")} || ' ' || ${pick(TITLE_WORDS, "i * 17 + i / 30 + 3")},
     make_date(least(2025, a.formed_year + (i * 7) % 40), 1 + (i * 5) % 12, 1 + (i * 3) % 28),
     ${pick(GENRES, "a.id * 3 + i % 4 / 3")}
   from generate_series(1, ${DATASET_COUNTS.albums}) as i
   join music.artists a on a.id = 1 + (i * 7919) % ${DATASET_COUNTS.artists}`,
  // 5 to 10 tracks per album (7.5 on average: 60,000 tracks).
  `insert into music.tracks
   select row_number() over (order by al.id, t), al.id,
     ${pick(TITLE_WORDS, "al.id * 13 + t * 7")} || ' ' || ${pick(NOUNS, "al.id + t * 5")},
     t, 120 + (al.id * 31 + t * 17) % 300
   from music.albums al, generate_series(1, 5 + (al.id * 7) % 6) as t`,
  `insert into music.listeners
   select i,
     ${pick(FIRST_NAMES, "i * 7")} || ' ' || ${pick(LAST_NAMES, "i * 11 + i / 30")},
     ${pick(COUNTRIES, "i * 13 + i / 11")},
     date '2015-01-01' + (i * 53) % 3650,
     case when i % 4 = 0 then 'premium' else 'free' end
   from generate_series(1, ${DATASET_COUNTS.listeners}) as i`,
  // A multiplicative hash spreads listeners; squaring skews plays towards low track ids, so a
  // few tracks are hits and most are rarely played, as in a real catalog.
  `insert into music.plays
   select i, 1 + h % ${DATASET_COUNTS.listeners},
     1 + ((h / ${DATASET_COUNTS.listeners}) % 60000) * ((h / ${DATASET_COUNTS.listeners}) % 60000) / 60000 % (select count(*) from music.tracks),
     timestamptz '2024-01-01 00:00:00+00' + make_interval(secs => (i::bigint * 104729) % 31536000),
     30 + (h / 7) % 270
   from generate_series(1, ${DATASET_COUNTS.plays}) as i,
     lateral (select (i::bigint * 2654435761) % 4294967296 as h) as hashed`,
  // Foreign keys once the rows are in: one check per table instead of one per row.
  `alter table music.albums add foreign key (artist_id) references music.artists (id)`,
  `alter table music.tracks add foreign key (album_id) references music.albums (id)`,
  `alter table music.plays add foreign key (listener_id) references music.listeners (id),
     add foreign key (track_id) references music.tracks (id)`,
  "analyze music.artists, music.albums, music.tracks, music.listeners, music.plays",
];

/** The learner-visible tables of the dataset and their columns, for errors and the README. */
export const DATASET_TABLES = ["artists", "albums", "tracks", "listeners", "plays"] as const;
