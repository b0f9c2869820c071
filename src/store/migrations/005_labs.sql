-- marrow diary: laboratory values a person records (serum 25(OH)D, magnesium, calcium, PTH),
-- kept as the lab reported them: the value, its unit and the lab's own range when given.

CREATE TABLE labs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL,
    value REAL NOT NULL CHECK (value > 0),
    unit TEXT NOT NULL,
    range_low REAL CHECK (range_low IS NULL OR range_low > 0),
    range_high REAL CHECK (range_high IS NULL OR range_high > range_low),
    logged_at TEXT NOT NULL
);
CREATE INDEX labs_by_date ON labs (date, id);
