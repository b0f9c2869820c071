-- marrow diary: recipes, foods made of ingredients. Their food ids are "r" and the row id
-- ("r1"). Each ingredient keeps the food's per-100 g figures at the time it was written, as
-- a JSON object of nutrient keys (null when unknown), so a catalog re-import never changes
-- a recipe; entries logged of a recipe keep their own figures, so editing one never changes
-- history.

CREATE TABLE recipes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    servings REAL NOT NULL CHECK (servings > 0),
    weight_g REAL CHECK (weight_g IS NULL OR weight_g > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE recipe_ingredients (
    recipe INTEGER NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    food_id TEXT NOT NULL,
    food_name TEXT NOT NULL,
    quantity TEXT NOT NULL,
    grams REAL NOT NULL CHECK (grams > 0),
    per_100g TEXT NOT NULL,
    PRIMARY KEY (recipe, seq)
) WITHOUT ROWID;
