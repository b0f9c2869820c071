-- marrow diary schema 4: more nutrients (iron, folate, vitamin B12, vitamin A, vitamin E, copper,
-- manganese, selenium, vitamin K2 as MK-4, caffeine, folic acid) and the mark of an ALA figure
-- that is 18:3 undifferentiated (USDA SR28 619) rather than true ALA (851). Entries logged before
-- keep their figures; the new nutrients are unknown (NULL) for them, never zero.


ALTER TABLE entries ADD COLUMN iron_mg REAL CHECK (iron_mg IS NULL OR iron_mg >= 0);
ALTER TABLE entries ADD COLUMN folate_dfe_ug REAL CHECK (folate_dfe_ug IS NULL OR folate_dfe_ug >= 0);
ALTER TABLE entries ADD COLUMN vitamin_b12_ug REAL CHECK (vitamin_b12_ug IS NULL OR vitamin_b12_ug >= 0);
ALTER TABLE entries ADD COLUMN vitamin_a_rae_ug REAL CHECK (vitamin_a_rae_ug IS NULL OR vitamin_a_rae_ug >= 0);
ALTER TABLE entries ADD COLUMN vitamin_e_mg REAL CHECK (vitamin_e_mg IS NULL OR vitamin_e_mg >= 0);
ALTER TABLE entries ADD COLUMN copper_mg REAL CHECK (copper_mg IS NULL OR copper_mg >= 0);
ALTER TABLE entries ADD COLUMN manganese_mg REAL CHECK (manganese_mg IS NULL OR manganese_mg >= 0);
ALTER TABLE entries ADD COLUMN selenium_ug REAL CHECK (selenium_ug IS NULL OR selenium_ug >= 0);
ALTER TABLE entries ADD COLUMN vitamin_k2_mk4_ug REAL CHECK (vitamin_k2_mk4_ug IS NULL OR vitamin_k2_mk4_ug >= 0);
ALTER TABLE entries ADD COLUMN caffeine_mg REAL CHECK (caffeine_mg IS NULL OR caffeine_mg >= 0);
ALTER TABLE entries ADD COLUMN folic_acid_ug REAL CHECK (folic_acid_ug IS NULL OR folic_acid_ug >= 0);
ALTER TABLE entries ADD COLUMN ala_undifferentiated INTEGER NOT NULL DEFAULT 0 CHECK (ala_undifferentiated IN (0, 1));

ALTER TABLE custom_foods ADD COLUMN iron_mg REAL CHECK (iron_mg IS NULL OR iron_mg >= 0);
ALTER TABLE custom_foods ADD COLUMN folate_dfe_ug REAL CHECK (folate_dfe_ug IS NULL OR folate_dfe_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN vitamin_b12_ug REAL CHECK (vitamin_b12_ug IS NULL OR vitamin_b12_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN vitamin_a_rae_ug REAL CHECK (vitamin_a_rae_ug IS NULL OR vitamin_a_rae_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN vitamin_e_mg REAL CHECK (vitamin_e_mg IS NULL OR vitamin_e_mg >= 0);
ALTER TABLE custom_foods ADD COLUMN copper_mg REAL CHECK (copper_mg IS NULL OR copper_mg >= 0);
ALTER TABLE custom_foods ADD COLUMN manganese_mg REAL CHECK (manganese_mg IS NULL OR manganese_mg >= 0);
ALTER TABLE custom_foods ADD COLUMN selenium_ug REAL CHECK (selenium_ug IS NULL OR selenium_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN vitamin_k2_mk4_ug REAL CHECK (vitamin_k2_mk4_ug IS NULL OR vitamin_k2_mk4_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN caffeine_mg REAL CHECK (caffeine_mg IS NULL OR caffeine_mg >= 0);
ALTER TABLE custom_foods ADD COLUMN folic_acid_ug REAL CHECK (folic_acid_ug IS NULL OR folic_acid_ug >= 0);
ALTER TABLE custom_foods ADD COLUMN ala_undifferentiated INTEGER NOT NULL DEFAULT 0 CHECK (ala_undifferentiated IN (0, 1));

-- Until now every catalog food's ALA was SR28's 619, 18:3 undifferentiated: the entries logged
-- from the catalog say so. A custom food's ALA is the figure its user gave.
UPDATE entries SET ala_undifferentiated = 1 WHERE ala_g IS NOT NULL AND food_id NOT GLOB 'c[0-9]*';
