//! The word lists search ranking reads USDA names with: preparation and variant markers,
//! generic markers, categories, small words, organ meats, everyday qualifiers and the food
//! groups people rarely mean.

/// Words that mark a prepared or processed form, not the plain everyday one.
pub(super) static PREPARED: &[&str] = &[
    "prepared",
    "cooked",
    "roasted",
    "fried",
    "baked",
    "boiled",
    "canned",
    "frozen",
    "dried",
    "dehydrated",
    "salted",
    "salt",
    "sweetened",
    "flavored",
    "glazed",
    "breaded",
    "stewed",
    "braised",
    "toasted",
    "blanched",
    "microwaved",
    "mix",
    "babyfood",
    "infant",
    "drained",
    "heated",
    "reconstituted",
    "powder",
    "concentrate",
    "smoked",
    "cured",
    "deli",
    "sliced",
    "prepackaged",
    "puree",
    "filling",
    "filled",
    "coated",
    "frosted",
    "seasoned",
    "marinated",
    "pickled",
    "sauce",
    "scrambled",
    "omelet",
    "recipe",
    "mashed",
];

/// Words that mark a modified variant of a food (diet, fortified, imitation): further from
/// what people mean by the plain name than a cooking method.
pub(super) static VARIANT: &[&str] = &[
    "reduced",
    "low",
    "lowfat",
    "nonfat",
    "free",
    "light",
    "lite",
    "skim",
    "fortified",
    "enhanced",
    "imitation",
    "substitute",
    "diet",
    "unsweetened",
    "decaffeinated",
    "sprouted",
    "meatless",
    "baby",
    "drink",
    "chocolate",
    "vanilla",
    "strawberry",
    "cinnamon",
    "raisin",
    "mocha",
    "caramel",
    "glutinous",
    "split",
    "blend",
];

/// How each kind of food is usually cooked, for a tie between the ways USDA cooked it: roast
/// poultry and meat, fish cooked by dry heat, boiled pulses and eggs.
pub(super) static USUAL_COOKING: &[(&str, &[&str])] = &[
    ("Poultry Products", &["roasted"]),
    ("Beef Products", &["broiled", "roasted"]),
    ("Pork Products", &["roasted", "broiled"]),
    ("Lamb, Veal, and Game Products", &["roasted"]),
    ("Finfish and Shellfish Products", &["heat"]),
    ("Legumes and Legume Products", &["boiled"]),
    ("Vegetables and Vegetable Products", &["boiled"]),
    ("Dairy and Egg Products", &["boiled"]),
];

/// Words USDA uses to mark the generic, average or standard form of a food.
pub(super) static GENERIC: &[&str] = &[
    "plain",
    "regular",
    "ripe",
    "average",
    "year",
    "round",
    "all",
    "type",
    "variety",
    "commercial",
    "mixed",
    "specy",
    "broiler",
    "fryer",
    "whole",
    "fresh",
    "raw",
    "kernel",
    "original",
    "fluid",
];

/// Words that are the plain form in one food group though they mark a preparation elsewhere:
/// USDA's "dried" seeds are the seeds as sold ("Seeds, sunflower seed kernels, dried"), and its
/// "mature seeds" are the dry beans, peas and lentils everyone means ("Lentils, mature seeds,
/// cooked, boiled").
pub(super) static PLAIN_IN_GROUP: &[(&str, &str)] = &[
    ("Nut and Seed Products", "dried"),
    ("Legumes and Legume Products", "mature"),
    ("Legumes and Legume Products", "seed"),
];

/// Category heads USDA writes before the food that its group names do not spell
/// ("Mollusks, oyster" and "Crustaceans, crab" in Finfish and Shellfish Products).
pub(super) static CATEGORY: &[&str] = &["mollusk", "crustacean", "shellfish"];

/// Category heads USDA writes in the singular ("Cheese, parmesan, grated").
pub(super) static SINGULAR_CATEGORY: &[&str] = &["cheese"];

/// Two-word category heads ("Alcoholic beverage, wine, table, red"), read as a category only
/// when at least two segments follow to name the drink: "Alcoholic beverage, rice (sake)"
/// names what it is made from.
pub(super) static CATEGORY_PHRASES: &[[&str; 2]] = &[["alcoholic", "beverage"]];

/// Parts of a food that a name may say were taken away ("Apples, raw, without skin").
pub(super) static PARTS: &[&str] = &["skin", "peel", "bone", "seed", "rind", "pit"];

/// Organ meats and by-products: never what a plain "turkey" or "beef" means.
pub(super) static OFFAL: &[&str] = &[
    "giblet",
    "gizzard",
    "heart",
    "liver",
    "kidney",
    "tongue",
    "brain",
    "tripe",
    "sweetbread",
    "spleen",
    "lung",
    "pancrea",
    "thymus",
    "chitterling",
    "feet",
    "tail",
    "ear",
    "neck",
    "skin",
    "product",
    "variety",
    "mechanically",
    "separable",
    "cartilage",
];

/// Words that mark foods for babies, industry, institutions or commodity programmes: as
/// rarely meant as the special groups.
pub(super) static SPECIAL_WORDS: &[&str] =
    &["babyfood", "infant", "industrial", "commodity", "school", "institutional", "restaurant"];

/// Everyday qualifiers and the words USDA writes for them: "2% milk" is "Milk, reduced fat,
/// fluid, 2% milkfat", "skim" is "nonfat", "red wine" is "wine, table, red" (not vinegar).
/// Each entry: the query's words (singular, "2%" kept whole), then USDA's.
pub(super) static QUALIFIERS: &[(&[&str], &[&str])] = &[
    (&["2%"], &["reduced", "fat"]),
    (&["1%"], &["lowfat"]),
    (&["skim"], &["nonfat"]),
    (&["fat", "free"], &["nonfat"]),
    (&["low", "fat"], &["lowfat"]),
    (&["whole", "milk"], &["whole"]),
    (&["red", "wine"], &["table"]),
    (&["white", "wine"], &["table"]),
    (&["rose", "wine"], &["table"]),
];

/// Everyday and British words for what USDA calls otherwise: each typed word (singular, or
/// two words written together) may mean the catalog word after it.
pub(super) static SYNONYMS: &[(&str, &str)] = &[
    ("blackeyed", "blackeyes"),
    ("courgette", "zucchini"),
    ("aubergine", "eggplant"),
    ("prawn", "shrimp"),
    ("rocket", "arugula"),
    ("beetroot", "beets"),
    ("swede", "rutabaga"),
    ("maize", "corn"),
    ("mince", "ground"),
    ("porridge", "oats"),
    ("bell", "sweet"),
    ("capsicum", "sweet"),
    ("garbanzo", "chickpeas"),
    ("yoghurt", "yogurt"),
];

/// Words people add that USDA's names leave out ("collard greens" is "Collards"): a name
/// without them still covers the query.
/// So do the containers and helpings a diary line names ("a glass of red wine").
pub(super) static FILLER: &[&str] = &[
    "greens", "fillet", "fillets", "filet", "glass", "glasses", "bowl", "bowls", "cup", "cups", "mug",
    "plate", "piece", "pieces", "slice", "slices", "serving", "servings", "handful", "portion",
];

/// Small words that never make a name more specific.
pub(super) static STOP: &[&str] =
    &["and", "or", "with", "without", "in", "of", "the", "a", "to", "from", "for", "as", "only"];

/// Food groups people rarely mean unless they say so.
pub(super) static SPECIAL_GROUPS: &[&str] = &[
    "Baby Foods",
    "Fast Foods",
    "Restaurant Foods",
    "Meals, Entrees, and Side Dishes",
    "Sausages and Luncheon Meats",
    "American Indian/Alaska Native Foods",
];

/// A word's place in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A small word ("and", "with").
    Stop,
    /// A generic marker ("plain", "raw").
    Generic,
    /// A preparation ("roasted", "canned").
    Prepared,
    /// A modified variant ("reduced", "fortified").
    Variant,
    /// An organ meat or by-product ("giblets", "liver").
    Offal,
    Other,
}

impl Kind {
    /// What the lexicon says of a (singular) word, through one table built on first use.
    pub(super) fn of(word: &str) -> Kind {
        use std::collections::HashMap;
        use std::sync::OnceLock;
        static TABLE: OnceLock<HashMap<&'static str, Kind>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            // Later lists overwrite earlier ones, in the order stop, generic, preparation, variant.
            let lists = [
                (OFFAL, Kind::Offal),
                (VARIANT, Kind::Variant),
                (PREPARED, Kind::Prepared),
                (GENERIC, Kind::Generic),
                (STOP, Kind::Stop),
            ];
            lists.iter().flat_map(|(list, kind)| list.iter().map(move |w| (*w, *kind))).collect()
        });
        table.get(word).copied().unwrap_or(Kind::Other)
    }

    /// Stop words and generic markers never make a name more specific.
    pub(super) fn plain(self) -> bool {
        matches!(self, Kind::Stop | Kind::Generic)
    }
}

/// First words of a parenthesised list of other foods or conditions rather than a synonym.
pub(super) static LISTING: &[&str] =
    &["includes", "including", "include", "such", "contains", "not", "may", "made", "with"];
