-- marrow diary: notes and symptom scores on a day. Several scores of one symptom on one day
-- are all kept; the view averages them per day.

CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    text TEXT NOT NULL,
    logged_at TEXT NOT NULL
);
CREATE INDEX notes_by_date ON notes (date, id);

CREATE TABLE symptoms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    logged_at TEXT NOT NULL
);
CREATE INDEX symptoms_by_date ON symptoms (date, id);
CREATE INDEX symptoms_by_name ON symptoms (name, date);
