-- marrow diary schema 1: entries with the per-100 g figures they were logged with, and the profile.
-- Append-only: never edit a shipped migration; add the next number instead.

CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    meal TEXT NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner', 'snack')),
    food_id TEXT NOT NULL,
    food_name TEXT NOT NULL,
    grams REAL NOT NULL CHECK (grams > 0),
    quantity TEXT NOT NULL,
    logged_at TEXT NOT NULL,
    energy_kcal REAL CHECK (energy_kcal IS NULL OR energy_kcal >= 0),
    protein_g REAL CHECK (protein_g IS NULL OR protein_g >= 0),
    fat_g REAL CHECK (fat_g IS NULL OR fat_g >= 0),
    carbohydrate_g REAL CHECK (carbohydrate_g IS NULL OR carbohydrate_g >= 0),
    fiber_g REAL CHECK (fiber_g IS NULL OR fiber_g >= 0),
    magnesium_mg REAL CHECK (magnesium_mg IS NULL OR magnesium_mg >= 0),
    calcium_mg REAL CHECK (calcium_mg IS NULL OR calcium_mg >= 0),
    phosphorus_mg REAL CHECK (phosphorus_mg IS NULL OR phosphorus_mg >= 0),
    potassium_mg REAL CHECK (potassium_mg IS NULL OR potassium_mg >= 0),
    sodium_mg REAL CHECK (sodium_mg IS NULL OR sodium_mg >= 0),
    zinc_mg REAL CHECK (zinc_mg IS NULL OR zinc_mg >= 0),
    vitamin_d_ug REAL CHECK (vitamin_d_ug IS NULL OR vitamin_d_ug >= 0),
    vitamin_c_mg REAL CHECK (vitamin_c_mg IS NULL OR vitamin_c_mg >= 0),
    vitamin_k_ug REAL CHECK (vitamin_k_ug IS NULL OR vitamin_k_ug >= 0),
    epa_g REAL CHECK (epa_g IS NULL OR epa_g >= 0),
    dha_g REAL CHECK (dha_g IS NULL OR dha_g >= 0),
    ala_g REAL CHECK (ala_g IS NULL OR ala_g >= 0)
);

CREATE INDEX entries_by_date ON entries (date, id);
CREATE INDEX entries_by_food ON entries (food_id);

CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
    age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 130),
    pregnant INTEGER NOT NULL DEFAULT 0,
    lactating INTEGER NOT NULL DEFAULT 0,
    weight_kg REAL,
    updated_at TEXT NOT NULL
);
