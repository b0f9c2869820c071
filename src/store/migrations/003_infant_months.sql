-- marrow diary schema 3: an infant's age in months (0-11, for age 0), so that the 7-12
-- months life stage can be told from the first six months.

ALTER TABLE profile ADD COLUMN age_months INTEGER CHECK (age_months BETWEEN 0 AND 11);
