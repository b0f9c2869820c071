-- marrow diary schema 2: supplement doses and saved products, custom foods, saved meals.

CREATE TABLE supplements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    time TEXT CHECK (time IS NULL OR time GLOB '[0-9][0-9]:[0-9][0-9]'),
    nutrient TEXT NOT NULL,
    -- Elemental amount in the nutrient's unit (mg, or µg for vitamins D and K).
    amount REAL NOT NULL CHECK (amount > 0),
    form TEXT,
    logged_at TEXT NOT NULL
);
CREATE INDEX supplements_by_date ON supplements (date, id);

-- Products a user takes again and again ("Mg glycinate, 200 mg").
CREATE TABLE supplement_products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    nutrient TEXT NOT NULL,
    amount REAL NOT NULL CHECK (amount > 0),
    form TEXT
);

-- Foods the user made; ids are "c" and the row id ("c1"). Figures are per 100 g.
CREATE TABLE custom_foods (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
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

CREATE TABLE custom_portions (
    food INTEGER NOT NULL REFERENCES custom_foods (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    amount REAL NOT NULL CHECK (amount > 0),
    description TEXT NOT NULL,
    grams REAL NOT NULL CHECK (grams > 0),
    PRIMARY KEY (food, seq)
) WITHOUT ROWID;

-- A saved meal is a list of foods with amounts, logged again with their current figures.
CREATE TABLE saved_meals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE saved_meal_items (
    meal INTEGER NOT NULL REFERENCES saved_meals (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    food_id TEXT NOT NULL,
    quantity TEXT NOT NULL,
    PRIMARY KEY (meal, seq)
) WITHOUT ROWID;
