//! Search quality: an evaluation set for food search ranking over the embedded SR28 catalog.
//!
//! Each case is an everyday query and the NDB ids a careful, nutrition-minded reader of
//! FOOD_DES.txt would accept as "what the user meant". The ids were chosen by reading the
//! USDA file, not from marrow's output. Principles:
//! - the plain generic food: raw for fruit, vegetables, nuts and seeds (issue: "'almonds' ->
//!   raw almonds"); both the raw/dry and the plain cooked form (no salt, no sauce) for foods
//!   normally eaten cooked: grains, pulses, potatoes, brussels sprouts, eggs, meat and fish
//!   (tests/diary_lines.rs holds marrow to the stricter rule that the cooked form comes first);
//! - never branded, baby, fast, restaurant or heavily prepared foods unless the query says so;
//! - ordinary varieties of the food in those forms count (russet or red potatoes, gala apples,
//!   salmon species, spanish peanuts); off-types do not (green tomatoes, sprouted lentils,
//!   potato skins), nor special formulations (reduced fat, fortified, reduced sodium).
//!
//! Kinds: the 10 public examples of the issue; clean everyday names; plural and singular
//! variants; typos within the issue's budget (one edit for words of 4 to 7 letters, two for
//! 8 or more: insertions, deletions, substitutions, swaps); names from the ComName column
//! (or the parenthesised alternative names of Long_Desc); words in another order.
//!
//! The bar (from the issue) is an acceptable food in the top 3 for at least 95% of queries.
//! Misses are printed with marrow's top 3 (`cargo test --test search_quality -- --nocapture`).

use marrow::store::Catalog;
use tempfile::TempDir;

/// Share of queries that must have an acceptable food in the top 3.
const BAR: f64 = 0.95;
/// How many results count.
const TOP: usize = 3;

// Acceptable ids shared by several queries.
const SALMON: &[&str] = &[
    "15076", "15236", "15209", "15237", "15085", "15086", "15078", "15079", "15081", "15083", "15238",
    "15082", "15210", "15211", "15212", "15239", "15247",
];
const CHICKEN_BREAST: &[&str] = &["05062", "05057", "05064", "05747", "05060", "05065", "05746"];
const PEANUT_BUTTER: &[&str] = &["16098", "16097", "16398", "16397"];
const KIDNEY_BEANS: &[&str] = &["16027", "16028", "16032", "16033", "16030", "16031", "16035", "16036"];
const POTATO: &[&str] = &[
    "11352", "11353", "11354", "11356", "11357", "11363", "11365", "11367", "11355", "11358", "11674",
    "11675",
];
const APPLE: &[&str] = &["09003", "09004", "09500", "09501", "09502", "09503", "09504"];
const SWEET_POTATO: &[&str] = &["11507", "11508", "11510"];
const BROWN_RICE: &[&str] = &["20036", "20037", "20040", "20041"];
const ORANGE_JUICE: &[&str] = &["09206", "09209", "09215"];
const EGG: &[&str] = &["01123", "01128", "01129", "01131", "01132"];
const AVOCADO: &[&str] = &["09037", "09038", "09039"];
const PLAIN_YOGURT: &[&str] = &["01116", "01117", "01118"];
const MOZZARELLA: &[&str] = &["01026", "01027", "01028", "01029"];
const CHEDDAR: &[&str] = &["01009", "01270"];
const WHITE_RICE: &[&str] =
    &["20044", "20045", "20444", "20445", "20050", "20051", "20450", "20451", "20052", "20053"];
const GROUND_BEEF: &[&str] = &[
    "13498", "23472", "23477", "23557", "23562", "23567", "23572", "23577", "13047", "23293", "13317",
    "13494", "13495", "13496", "13497", "23220", "23473", "23474", "23475", "23476", "23478", "23479",
    "23480", "23481", "23558", "23559", "23560", "23561", "23563", "23564", "23565", "23566", "23568",
    "23569", "23570", "23571", "23573", "23574", "23575", "23576", "23578", "23579", "23580", "23581",
];
const BRUSSELS_SPROUTS: &[&str] = &["11098", "11099", "11101", "11745", "11746"];
const HOT_DOG: &[&str] =
    &["07022", "07945", "07949", "07950", "07962", "07024", "07025", "07939", "21118", "07963", "07964"];
const PASTA: &[&str] = &["20120", "20121", "20420", "20421", "20124", "20125"];
const TUNA: &[&str] = &["15117", "15127", "15123", "15121", "15126", "15118", "15220", "15221"];
const CHICKPEAS: &[&str] = &["16056", "16057"];
const PUMPKIN_SEEDS: &[&str] = &["12014", "12016"];
const BLACK_BEANS: &[&str] = &["16014", "16015"];
const OATS: &[&str] = &["08120", "08121"];

/// The public examples of the issue: each must hold on its own.
const PUBLIC: &[(&str, &[&str])] = &[
    ("almonds", &["12061"]),
    ("pumpkin seeds", PUMPKIN_SEEDS),
    ("pepitas", &["12014"]),
    ("greek yogurt", &["01293"]),
    ("brocoli", &["11090"]),
    ("garbanzo", CHICKPEAS),
    ("black beans", BLACK_BEANS),
    ("oatmeal", OATS),
    ("whole milk", &["01077"]),
    ("spinich", &["11457"]),
];

/// The rest of the evaluation set: (query, acceptable NDB ids).
const CASES: &[(&str, &[&str])] = &[
    // Clean everyday names.
    ("sweet potato", SWEET_POTATO),
    ("brown rice", BROWN_RICE),
    ("chicken breast", CHICKEN_BREAST),
    ("cheddar cheese", CHEDDAR),
    ("peanut butter", PEANUT_BUTTER),
    ("orange juice", ORANGE_JUICE),
    ("kidney beans", KIDNEY_BEANS),
    ("sunflower seeds", &["12036", "12037"]),
    ("dark chocolate", &["19902", "19903", "19904", "19905"]),
    ("sardines", &["15088", "15089"]),
    ("salmon", SALMON),
    ("tofu", &["16126", "16127", "16159", "16426", "16427"]),
    ("kale", &["11233"]),
    ("avocado", AVOCADO),
    ("quinoa", &["20035", "20137"]),
    ("cashews", &["12087"]),
    ("lentils", &["16069", "16070"]),
    ("edamame", &["11211", "11212", "11450", "11451"]),
    ("banana", &["09040"]),
    ("yogurt", PLAIN_YOGURT),
    ("spinach", &["11457"]),
    ("broccoli", &["11090"]),
    ("eggs", EGG),
    ("walnuts", &["12155", "12154"]),
    ("chickpeas", CHICKPEAS),
    ("white rice", WHITE_RICE),
    ("peanuts", &["16087", "16091", "16093", "16095"]),
    ("strawberries", &["09316"]),
    ("blueberries", &["09050"]),
    ("apple", APPLE),
    ("orange", &["09200", "09201", "09202", "09203"]),
    ("carrots", &["11124", "11960"]),
    ("tomato", &["11529"]),
    ("potato", POTATO),
    ("cottage cheese", &["01012", "01015", "01016"]),
    ("mozzarella", MOZZARELLA),
    ("butter", &["01001", "01145"]),
    ("olive oil", &["04053"]),
    ("tuna", TUNA),
    ("shrimp", &["15149", "15270", "15151", "15271"]),
    ("chia seeds", &["12006"]),
    ("flaxseed", &["12220"]),
    ("pistachios", &["12151"]),
    ("soy milk", &["16120", "16139", "16222"]),
    ("almond milk", &["14091", "14016"]),
    ("hummus", &["16158", "16137"]),
    ("mushrooms", &["11260", "11266", "11938"]),
    ("bell pepper", &["11333", "11821", "11951"]),
    ("green beans", &["11052", "11053"]),
    ("zucchini", &["11477", "11953"]),
    ("raisins", &["09298", "09297", "09299"]),
    ("ground beef", GROUND_BEEF),
    ("brussels sprouts", BRUSSELS_SPROUTS),
    ("whole wheat bread", &["18075", "18077"]),
    ("prunes", &["09291"]),
    // Plural and singular variants of the above.
    ("almond", &["12061"]),
    ("avocados", AVOCADO),
    ("bananas", &["09040"]),
    ("apples", APPLE),
    ("egg", EGG),
    ("sweet potatoes", SWEET_POTATO),
    ("potatoes", POTATO),
    ("cashew", &["12087"]),
    ("sardine", &["15088", "15089"]),
    ("blueberry", &["09050"]),
    ("strawberry", &["09316"]),
    ("cherries", &["09070", "09063"]),
    ("chickpea", CHICKPEAS),
    // Typos within the budget.
    ("avacado", AVOCADO),
    ("yoghurt", PLAIN_YOGURT),
    ("salmom", SALMON),
    ("bananna", &["09040"]),
    ("quinao", &["20035", "20137"]),
    ("lentls", &["16069", "16070"]),
    ("chikpeas", CHICKPEAS),
    ("almods", &["12061"]),
    ("wlanuts", &["12155", "12154"]),
    ("chedar cheese", CHEDDAR),
    ("blueberies", &["09050"]),
    ("strawbery", &["09316"]),
    ("cauliflour", &["11135"]),
    ("brussel sprouts", BRUSSELS_SPROUTS),
    ("zuchini", &["11477"]),
    ("cucumbre", &["11205", "11206"]),
    ("pineaple", &["09266", "09429", "09430"]),
    ("rasberries", &["09302"]),
    ("mozarella", MOZZARELLA),
    ("parmesean", &["01032", "01033", "01146"]),
    ("peanut buter", PEANUT_BUTTER),
    ("pumkin seeds", PUMPKIN_SEEDS),
    ("kidny beans", KIDNEY_BEANS),
    ("chiken breast", CHICKEN_BREAST),
    ("orange jiuce", ORANGE_JUICE),
    ("brocolli", &["11090"]),
    // Common names (ComName column, or Long_Desc's parenthesised alternatives).
    ("scallions", &["11291"]),
    ("cilantro", &["11165"]),
    ("ketchup", &["11935"]),
    ("bok choy", &["11116", "11117"]),
    ("lychee", &["09164"]),
    ("brazil nuts", &["12078"]),
    ("rapini", &["11096", "11097"]),
    ("sunchokes", &["11226"]),
    ("sugar snap peas", &["11300", "11301"]),
    ("rolled oats", OATS),
    ("hot dog", HOT_DOG),
    ("donut", &["18248", "18250", "18255", "18436"]),
    ("portobello", &["11265", "11998", "11243", "11939"]),
    ("spaghetti", PASTA),
    ("venison", &["17164", "17165", "17343", "17344"]),
    ("hot chocolate", &["14192", "14194", "01105"]),
    // Words in another order.
    ("milk whole", &["01077"]),
    ("seeds pumpkin", PUMPKIN_SEEDS),
    ("beans black", BLACK_BEANS),
    ("rice brown", BROWN_RICE),
    ("butter peanut", PEANUT_BUTTER),
    ("cheese cheddar", CHEDDAR),
    ("breast chicken", CHICKEN_BREAST),
    ("juice orange", ORANGE_JUICE),
    ("potato sweet", SWEET_POTATO),
    ("yogurt greek", &["01293"]),
];

/// What "pork chop" and "pork chops" may find (one list for both spellings).
const PORK_CHOPS: &[&str] = &[
    "10028", "10029", "10030", "10032", "10033", "10034", "10036", "10037", "10038", "10040", "10041",
    "10042", "10044", "10045", "10046", "10048", "10049", "10050", "10052", "10053", "10054", "10056",
    "10057", "10058", "10062", "10063", "10064", "10066", "10067", "10068", "10094", "10120", "10163",
    "10164", "10176", "10177", "10178", "10179", "10180", "10181", "10186", "10189", "10194", "10195",
    "10196", "10197", "10199", "10200", "10201", "10202", "10210", "10211", "10212", "10214", "10215",
    "10216", "10982", "10984", "10988", "10989",
];

/// A second set, written later from FOOD_DES.txt by the same principles to check that the
/// rules generalise beyond the first. Its first run found 96 of 100; typo correction from
/// the singular ("scalops" -> scallop) came from its misses.
const SECOND: &[(&str, &[&str])] = &[
    // Clean everyday names.
    ("pears", &["09252", "09340", "09412", "09413", "09414", "09415"]),
    ("peaches", &["09236"]),
    ("mango", &["09176"]),
    ("watermelon", &["09326"]),
    ("cantaloupe", &["09181"]),
    ("kiwi", &["09148", "09520"]),
    ("plums", &["09279"]),
    ("grapefruit", &["09111", "09112", "09113", "09114", "09116", "09117", "09118"]),
    ("blackberries", &["09042"]),
    ("pomegranate", &["09286"]),
    ("grapes", &["09129", "09131", "09132"]),
    ("asparagus", &["11011", "11012"]),
    ("eggplant", &["11209", "11210"]),
    ("beets", &["11080", "11081"]),
    ("sweet corn", &["11167", "11168", "11900", "11901"]),
    ("green peas", &["11304", "11305"]),
    ("artichoke", &["11007", "11008"]),
    ("butternut squash", &["11485", "11486"]),
    ("pecans", &["12142"]),
    ("hazelnuts", &["12120"]),
    ("macadamia nuts", &["12131"]),
    ("pine nuts", &["12147", "12149"]),
    ("hemp seeds", &["12012"]),
    ("barley", &["20004", "20005", "20006"]),
    ("millet", &["20031", "20032"]),
    ("wild rice", &["20088", "20089"]),
    ("pinto beans", &["16042", "16043"]),
    ("navy beans", &["16037", "16038"]),
    ("split peas", &["16085", "16086"]),
    ("cod", &["15015", "15016", "15019", "15192", "15268", "15269"]),
    ("oysters", &["15167", "15169", "15171", "15231", "15244", "15245", "15246"]),
    ("halibut", &["15036", "15037", "15038", "15196"]),
    ("trout", &["15114", "15115", "15116", "15219", "15240", "15241", "15274"]),
    ("crab", &["15136", "15137", "15139", "15140", "15143", "15144", "15226", "15227"]),
    ("turkey breast", &["05191", "05192", "05219", "05220", "05710", "05711", "05732", "05733"]),
    ("chicken thigh", &["05091", "05094", "05095", "05096", "05098", "05099", "05672", "05677"]),
    ("pork chop", PORK_CHOPS),
    ("ground turkey", &["05305", "05306", "05665", "05666", "05667", "05668", "05669", "05670"]),
    ("swiss cheese", &["01040"]),
    ("cream cheese", &["01017"]),
    ("sour cream", &["01056"]),
    ("hard boiled egg", &["01129"]),
    ("honey", &["19296"]),
    ("maple syrup", &["19353"]),
    ("coconut oil", &["04047"]),
    // Plural and singular variants.
    ("pear", &["09252", "09340", "09412", "09413", "09414", "09415"]),
    ("peach", &["09236"]),
    ("mangoes", &["09176"]),
    ("plum", &["09279"]),
    ("pecan", &["12142"]),
    ("hazelnut", &["12120"]),
    ("oyster", &["15167", "15169", "15171", "15231", "15244", "15245", "15246"]),
    ("beet", &["11080", "11081"]),
    ("artichokes", &["11007", "11008"]),
    ("pork chops", PORK_CHOPS),
    ("chicken thighs", &["05091", "05094", "05095", "05096", "05098", "05099", "05672", "05677"]),
    ("pomegranates", &["09286"]),
    ("blackberry", &["09042"]),
    ("grape", &["09129", "09131", "09132"]),
    ("pinto bean", &["16042", "16043"]),
    // Typos within the budget.
    ("watermellon", &["09326"]),
    ("pomegranite", &["09286"]),
    ("cranberies", &["09078"]),
    ("tangarine", &["09218"]),
    ("grapfruit", &["09111", "09112", "09113", "09114", "09116", "09117", "09118"]),
    ("papya", &["09226"]),
    ("letuce", &["11250", "11251", "11252", "11253", "11257"]),
    ("celary", &["11143"]),
    ("cabage", &["11109", "11112", "11114", "11749", "11750"]),
    ("garlick", &["11215"]),
    ("fetta cheese", &["01019"]),
    ("macademia nuts", &["12131"]),
    ("hazlenuts", &["12120"]),
    ("seasame seeds", &["12023", "12201"]),
    ("bulger", &["20012", "20013"]),
    ("cuscous", &["20028", "20029"]),
    ("talapia", &["15261", "15262"]),
    ("mackeral", &["15046", "15047", "15049", "15050", "15051", "15052", "15200", "15201"]),
    ("scalops", &["15172", "90240"]),
    ("mussles", &["15164", "15165"]),
    ("hallibut", &["15036", "15037", "15038", "15196"]),
    ("ricota", &["01036", "01037"]),
    ("mayonaise", &["04025", "04026"]),
    ("tumeric", &["02043"]),
    ("cinammon", &["02010"]),
    // Common and alternative names (ComName, or in parentheses in Long_Desc).
    ("mandarin oranges", &["09218"]),
    ("starfruit", &["09060"]),
    ("jicama", &["11603"]),
    ("fava beans", &["16052", "16053", "11088", "11089"]),
    ("black eyed peas", &["16062", "16063", "11191", "11192"]),
    ("flounder", &["15028", "15029"]),
    ("snow peas", &["11300", "11301"]),
    ("kasha", &["20009", "20010"]),
    ("skim milk", &["01085", "01086", "01151"]),
    ("macaroni", &["20120", "20121", "20420", "20421"]),
    // Other word orders.
    ("beans navy", &["16037", "16038"]),
    ("squash butternut", &["11485", "11486"]),
    ("cheese swiss", &["01040"]),
    ("nuts macadamia", &["12131"]),
    ("breast turkey", &["05191", "05192", "05219", "05220", "05710", "05711", "05732", "05733"]),
];

/// Queries that must never make search fail: FTS5 and SQL syntax, control characters, emoji.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    "", " ", "\"", "\"\"", "\"almonds", "almonds\"", "'", "*", "**", "almonds*", "*almonds", "(", ")", "()",
    "(almonds", "almonds)", ":", "name:almonds", "common:x", "{name common}: almonds", "^", "^almonds",
    "-", "--", "-almonds", "almonds -roasted", "+", "AND", "OR", "NOT", "NEAR", "AND OR NEAR",
    "almonds AND", "OR almonds", "almonds NOT roasted", "NEAR(almonds seeds)", "NEAR(almonds seeds, 2)",
    "almonds OR 1=1", "'; DROP TABLE foods; --", "\" OR \"\"=\"", "1; SELECT * FROM foods", "almonds' --",
    "%", "_", "%_%", "\\", "\\\"", "/* */", "\u{0}", "almonds\u{0}roasted", "\u{7}\u{8}", "\t\n\r",
    "\u{1b}[31malmonds\u{1b}[0m", "🥑", "🥑 avocado", "👩\u{200d}👩\u{200d}👧", "🍎🍌🥦", "avo\u{200d}cado",
    "\u{feff}almonds", "\u{202e}sdnomla", "é", "crème fraîche", "ß", "İ", "ǅ", "日本", "x\u{301}\u{301}\u{301}",
    "\u{fffd}", "0", "00000", "12061", "3.25%",
];

/// A freshly built catalog from the embedded asset, in a directory of its own.
fn catalog() -> (TempDir, Catalog) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let catalog = Catalog::open(&tmp.path().join("catalog.db"), || {}).expect("build the catalog");
    (tmp, catalog)
}

/// marrow's top results for `query` as (id, name).
fn top(catalog: &Catalog, query: &str) -> Vec<(String, String)> {
    let found = catalog.search(query, TOP).unwrap_or_else(|e| panic!("search {query:?}: {e}"));
    found.into_iter().map(|f| (f.id, f.name)).collect()
}

/// Whether an acceptable id is among `results`; prints the case when it is not.
fn holds(query: &str, accept: &[&str], results: &[(String, String)]) -> bool {
    if results.iter().any(|(id, _)| accept.contains(&id.as_str())) {
        return true;
    }
    eprintln!("MISS {query:?} (accept {})", accept.join(" "));
    if results.is_empty() {
        eprintln!("    (no results)");
    }
    for (i, (id, name)) in results.iter().enumerate() {
        eprintln!("    {}. {id} {name}", i + 1);
    }
    false
}

#[test]
fn the_table_is_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for (query, accept) in PUBLIC.iter().chain(CASES).chain(SECOND) {
        assert!(seen.insert(query.to_lowercase()), "{query:?} twice");
        assert!(!accept.is_empty(), "{query:?} accepts nothing");
        assert!(accept.iter().all(|id| id.len() == 5 && id.bytes().all(|b| b.is_ascii_digit())), "{query:?}");
    }
    let (_tmp, catalog) = catalog();
    for (query, accept) in PUBLIC.iter().chain(CASES).chain(SECOND) {
        for id in *accept {
            assert!(catalog.food(id).unwrap().is_some(), "{query:?}: no food {id}");
        }
    }
}

#[test]
fn an_acceptable_food_is_in_the_top_3_for_95_percent_of_queries() {
    let (_tmp, catalog) = catalog();
    let all: Vec<&(&str, &[&str])> = PUBLIC.iter().chain(CASES).chain(SECOND).collect();
    let hits = all.iter().filter(|(q, accept)| holds(q, accept, &top(&catalog, q))).count();
    let share = hits as f64 / all.len() as f64;
    eprintln!(
        "search quality: {hits}/{} queries ({:.1}%) with an acceptable food in the top {TOP}",
        all.len(),
        share * 100.0
    );
    assert!(
        share >= BAR,
        "{hits}/{} = {:.1}% is below the {:.0}% bar",
        all.len(),
        share * 100.0,
        BAR * 100.0
    );
}

#[test]
fn every_public_example_holds() {
    let (_tmp, catalog) = catalog();
    let failed: Vec<&str> =
        PUBLIC.iter().filter(|(q, accept)| !holds(q, accept, &top(&catalog, q))).map(|(q, _)| *q).collect();
    assert!(failed.is_empty(), "public examples without an acceptable food in the top {TOP}: {failed:?}");
}

#[test]
fn hostile_queries_return_results_or_nothing_never_an_error() {
    let (_tmp, catalog) = catalog();
    let long_word = "a".repeat(10_000);
    let long_words = "almonds ".repeat(1_250);
    let long_mixed: String = "\"*(:^-".chars().cycle().take(10_000).collect();
    let controls: String = (0u8..32).map(char::from).chain(['\u{7f}', '\u{85}', '\u{2028}']).collect();
    let mut queries: Vec<&str> = HOSTILE.to_vec();
    queries.extend([long_word.as_str(), long_words.as_str(), long_mixed.as_str(), controls.as_str()]);
    for query in queries {
        let shown: String = query.chars().take(40).collect();
        for limit in [0, 1, TOP, 50] {
            match catalog.search(query, limit) {
                Ok(found) => {
                    assert!(found.len() <= limit, "{shown:?}: {} results for limit {limit}", found.len())
                }
                Err(e) => panic!("{shown:?} (limit {limit}): {e}"),
            }
        }
    }
}

mod props {
    use proptest::prelude::*;

    thread_local! {
        // Opened once per test thread (a connection is not shared between threads).
        static CATALOG: (tempfile::TempDir, marrow::store::Catalog) = {
            let dir = tempfile::tempdir().unwrap();
            let catalog = marrow::store::Catalog::open(&dir.path().join("catalog.db"), || {}).unwrap();
            (dir, catalog)
        };
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Whatever is typed, FTS5 syntax, SQL, control characters or emoji included, search
        /// answers with results or nothing, never an error.
        #[test]
        fn any_text_searches_without_error(q in "(\\PC|[\"*():^\\-]|AND|OR|NEAR|NOT){0,30}") {
            let hits = CATALOG.with(|(_, c)| c.search(&q, 5).map(|h| h.len()));
            prop_assert!(hits.is_ok(), "{q:?}: {:?}", hits.err());
        }
    }
}
