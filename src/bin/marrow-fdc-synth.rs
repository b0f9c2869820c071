//! Writes a synthetic USDA FoodData Central download of branded foods, for measuring
//! `marrow import fdc` and search at scale (not used by the test suite):
//! `cargo run --release --features dev-tools --bin marrow-fdc-synth -- /tmp/fdc 400000`
//!
//! Same files and columns as the real Branded Foods CSV release: food.csv, branded_food.csv
//! (serving sizes, household servings, long ingredient lists), nutrient.csv and
//! food_nutrient.csv (about 18 nutrients a food, kcal and kJ both), measure_unit.csv. Names
//! are built from word lists like FDC's upper-case descriptions, some with a coined brand word
//! so the vocabulary grows as real data's does. Deterministic for a given seed.

use std::error::Error;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use csv::{QuoteStyle, Writer, WriterBuilder};
use marrow::store::Catalog;

/// One category a line: name | products | serving size | unit | household serving | kcal/100 g.
const CATEGORIES: &str = "\
Snack, Energy & Granola Bars|PROTEIN BAR;GRANOLA BAR;ENERGY BAR;FRUIT & NUT BAR;OAT BAR|40|GRM|1 bar|400
Cereal|GRANOLA;OAT CLUSTERS;CORN FLAKES;BRAN FLAKES;MUESLI;PUFFED RICE|40|GRM|3/4 cup|380
Yogurt|GREEK YOGURT;YOGURT;SKYR;KEFIR CUP|150|GRM|1 container|90
Cheese|CHEDDAR CHEESE;MOZZARELLA STRING CHEESE;SWISS CHEESE SLICES;PARMESAN CHEESE|28|GRM|1 slice|380
Chips, Pretzels & Snacks|POTATO CHIPS;TORTILLA CHIPS;PRETZELS;POPCORN;VEGGIE STRAWS|28|GRM|15 chips|520
Cookies & Biscuits|SANDWICH COOKIES;SHORTBREAD COOKIES;OATMEAL COOKIES;WAFERS|30|GRM|2 cookies|480
Candy|MILK CHOCOLATE;DARK CHOCOLATE;GUMMY BEARS;CARAMELS;PEANUT BUTTER CUPS|40|GRM|1 piece|520
Fruit & Vegetable Juice, Nectars & Fruit Drinks|ORANGE JUICE;APPLE JUICE;LEMONADE;CRANBERRY JUICE COCKTAIL|240|MLT|8 fl oz|45
Plant Based Milk|ALMOND MILK;OAT MILK;SOY MILK;COCONUT MILK BEVERAGE|240|MLT|1 cup|40
Milk|2% REDUCED FAT MILK;WHOLE MILK;CHOCOLATE MILK;LACTOSE FREE MILK|240|MLT|1 cup|60
Breads & Buns|WHOLE WHEAT BREAD;SOURDOUGH BREAD;HAMBURGER BUNS;BAGELS;ENGLISH MUFFINS|45|GRM|1 slice|260
Frozen Dinners & Entrees|CHICKEN ALFREDO;BEEF LASAGNA;VEGETABLE STIR FRY;BURRITO;MAC & CHEESE|280|GRM|1 tray|140
Popcorn, Peanuts, Seeds & Related Snacks|ROASTED ALMONDS;MIXED NUTS;CASHEWS;PUMPKIN SEEDS;TRAIL MIX|28|GRM|1/4 cup|590
Canned Soup|CHICKEN NOODLE SOUP;TOMATO SOUP;LENTIL SOUP;MINESTRONE|245|GRM|1 cup|45
Pasta by Shape & Type|SPAGHETTI;PENNE RIGATE;ELBOW MACARONI;FUSILLI|56|GRM|2 oz|360
Ice Cream & Frozen Yogurt|ICE CREAM;FROZEN YOGURT;GELATO;SORBET|66|GRM|2/3 cup|210
Ketchup, Mustard, BBQ & Cheese Sauce|BARBECUE SAUCE;KETCHUP;MARINARA SAUCE;SALSA|32|GRM|2 tbsp|110
Nut & Seed Butters|CREAMY PEANUT BUTTER;ALMOND BUTTER;SUNFLOWER SEED BUTTER|32|GRM|2 tbsp|600
Pepperoni, Salami & Cold Cuts|SMOKED TURKEY BREAST;BEEF JERKY;HAM SLICES;SALAMI|56|GRM|2 oz|180
Canned Seafood|CHUNK LIGHT TUNA;SARDINES IN OLIVE OIL;PINK SALMON;ANCHOVIES|85|GRM|1 can|190";

const FLAVORS: &str = "CHOCOLATE,VANILLA,STRAWBERRY,PEANUT BUTTER,SEA SALT,HONEY,CINNAMON,MAPLE,BLUEBERRY,\
LEMON,COCONUT,ALMOND,CARAMEL,MINT,BANANA,CHERRY,RASPBERRY,APPLE,GARLIC,JALAPENO,BBQ,CHEDDAR,\
SOUR CREAM & ONION,ORIGINAL,MOCHA,PUMPKIN SPICE,MANGO,PINEAPPLE,TOASTED COCONUT,DOUBLE CHOCOLATE,\
COOKIES & CREAM,SALTED CARAMEL,WILD BERRY,HONEY ROASTED,SMOKED,SPICY,CHIPOTLE,RANCH";

const ADJECTIVES: &str = "ORGANIC,GLUTEN FREE,LOW FAT,REDUCED SODIUM,NATURAL,CLASSIC,CRUNCHY,CHEWY,\
WHOLE GRAIN,KETO,VEGAN,UNSWEETENED,LIGHT,PREMIUM,HOMESTYLE,MINI,THICK CUT,NON-GMO,HIGH PROTEIN,\
FAMILY SIZE,KETTLE COOKED,STONE GROUND,ARTISAN,SUGAR FREE";

const SYLLABLES: &str =
    "ka,lo,mi,ra,ve,zo,ta,ni,bel,dor,fen,gra,hal,jun,kor,lin,mar,nov,pel,quin,ros,sil,tor,ul,\
var,wen,yel,zan";

const OWNER_SUFFIXES: &str = "Foods, Inc.|LLC|Company|Brands|Farms|Kitchens|Co.";

/// A category parsed from its line.
struct Category {
    name: &'static str,
    products: Vec<&'static str>,
    serving: f64,
    unit: &'static str,
    household: &'static str,
    kcal: f64,
}

fn categories() -> Vec<Category> {
    CATEGORIES
        .lines()
        .map(|l| {
            let f: Vec<&'static str> = l.split('|').collect();
            Category {
                name: f[0],
                products: f[1].split(';').collect(),
                serving: f[2].parse().expect("serving"),
                unit: f[3],
                household: f[4],
                kcal: f[5].parse().expect("kcal"),
            }
        })
        .collect()
}

/// (FDC nutrient id, name, unit, SR number)
const NUTRIENTS: &[(u32, &str, &str, &str)] = &[
    (1008, "Energy", "KCAL", "208"),
    (1062, "Energy", "kJ", "268"),
    (1003, "Protein", "G", "203"),
    (1004, "Total lipid (fat)", "G", "204"),
    (1005, "Carbohydrate, by difference", "G", "205"),
    (1079, "Fiber, total dietary", "G", "291"),
    (2000, "Sugars, total including NLEA", "G", "269"),
    (1258, "Fatty acids, total saturated", "G", "606"),
    (1257, "Fatty acids, total trans", "G", "605"),
    (1253, "Cholesterol", "MG", "601"),
    (1093, "Sodium, Na", "MG", "307"),
    (1087, "Calcium, Ca", "MG", "301"),
    (1089, "Iron, Fe", "MG", "303"),
    (1092, "Potassium, K", "MG", "306"),
    (1104, "Vitamin A, IU", "IU", "318"),
    (1162, "Vitamin C, total ascorbic acid", "MG", "401"),
    (1110, "Vitamin D (D2 + D3), International Units", "IU", "324"),
    (1090, "Magnesium, Mg", "MG", "304"),
    (1095, "Zinc, Zn", "MG", "309"),
    (1091, "Phosphorus, P", "MG", "305"),
];

/// The real release's headers.
const FOOD_HEADER: &str = "fdc_id,data_type,description,food_category_id,publication_date,market_country";
const BRANDED_HEADER: &str = "fdc_id,brand_owner,brand_name,subbrand_name,gtin_upc,ingredients,\
not_a_significant_source_of,serving_size,serving_size_unit,household_serving_fulltext,branded_food_category,\
data_source,package_weight,modified_date,available_date,market_country,discontinued_date,\
preparation_state_code,trade_channel,short_description";
const VALUE_HEADER: &str = "id,fdc_id,nutrient_id,amount,data_points,derivation_id,min,max,median,loq,\
footnote,min_year_acquired,percent_daily_value";

/// splitmix64 with word lists: small, fast and the same everywhere.
struct Rng {
    state: u64,
    flavors: Vec<&'static str>,
    adjectives: Vec<&'static str>,
    syllables: Vec<&'static str>,
}

impl Rng {
    fn new(seed: u64) -> Rng {
        let words = |s: &'static str| s.split(',').collect::<Vec<_>>();
        Rng {
            state: seed,
            flavors: words(FLAVORS),
            adjectives: words(ADJECTIVES),
            syllables: words(SYLLABLES),
        }
    }
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// A factor between 1 - spread and 1 + spread.
    fn vary(&mut self, spread: f64) -> f64 {
        1.0 + spread * ((self.next() % 2001) as f64 / 1000.0 - 1.0)
    }
    fn flavor(&mut self) -> &'static str {
        let i = self.below(self.flavors.len());
        self.flavors[i]
    }
    fn adjective(&mut self) -> &'static str {
        let i = self.below(self.adjectives.len());
        self.adjectives[i]
    }
    /// A made-up word of two or three syllables ("korvel").
    fn coined(&mut self) -> String {
        let n = 2 + self.below(2);
        (0..n)
            .map(|_| {
                let i = self.below(self.syllables.len());
                self.syllables[i]
            })
            .collect()
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time-search") {
        return time_search(&args[1..]);
    }
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse::<u64>().ok())) else {
        eprintln!("usage: marrow-fdc-synth DIR COUNT [SEED]   (e.g. /tmp/fdc 400000)");
        eprintln!("       marrow-fdc-synth --time-search CATALOG_DB [QUERY...]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(28);
    let dir = PathBuf::from(dir);
    match write(&dir, count, seed) {
        Ok(()) => {
            println!("{count} branded foods -> {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marrow-fdc-synth: {e}");
            ExitCode::from(1)
        }
    }
}

/// Times searches on an existing catalog.db in one process, as the app runs them on every key
/// press: the first (cold) run of each query and the median and worst of 20 more.
fn time_search(args: &[String]) -> ExitCode {
    let Some(path) = args.first() else {
        eprintln!("usage: marrow-fdc-synth --time-search CATALOG_DB [QUERY...]");
        return ExitCode::from(2);
    };
    let standard = "a,al,alm,almo,almon,almond,almonds,pumpkin seeds,greek yogurt,milk,cheese,protein bar,\
chocolate,choclate bar,strawbery yogurt,brocoli,spinich";
    let queries: Vec<String> =
        if args.len() > 1 { args[1..].to_vec() } else { standard.split(',').map(String::from).collect() };
    let opened = Instant::now();
    let catalog = match Catalog::open(Path::new(path), || eprintln!("building the catalog...")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("marrow-fdc-synth: {e}");
            return ExitCode::from(1);
        }
    };
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    println!("open: {:.1} ms, {} foods", ms(opened), catalog.len().unwrap_or(0));
    for q in &queries {
        for limit in [10, 60] {
            let mut times = Vec::new();
            let mut first = String::new();
            for _ in 0..201 {
                let t = Instant::now();
                let hits = catalog.search(q, limit).unwrap_or_default();
                times.push(ms(t));
                first = hits.first().map(|f| format!("{} {}", f.id, f.name)).unwrap_or_default();
            }
            let cold = times.remove(0);
            times.sort_by(f64::total_cmp);
            let (median, p99, worst) = (times[100], times[197], times[199]);
            println!(
                "{q:>18} limit {limit:>2}: cold {cold:6.2} ms, median {median:6.2}, p99 {p99:6.2}, max {worst:6.2}  {first}"
            );
        }
    }
    ExitCode::SUCCESS
}

fn writer(dir: &Path, name: &str, header: &str) -> Result<Writer<File>, Box<dyn Error>> {
    let mut w = WriterBuilder::new().quote_style(QuoteStyle::Always).from_path(dir.join(name))?;
    w.write_record(header.split(','))?;
    Ok(w)
}

fn write(dir: &Path, count: u64, seed: u64) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    let mut nutrient = writer(dir, "nutrient.csv", "id,name,unit_name,nutrient_nbr,rank")?;
    for (i, (id, name, unit, nbr)) in NUTRIENTS.iter().enumerate() {
        let rank = (i * 100).to_string();
        nutrient.write_record([id.to_string().as_str(), name, unit, nbr, &rank])?;
    }
    nutrient.flush()?;
    let mut units = writer(dir, "measure_unit.csv", "id,name")?;
    for row in ["1000,cup", "1001,tablespoon", "1043,piece", "9999,undetermined"] {
        units.write_record(row.split(','))?;
    }
    units.flush()?;

    let categories = categories();
    let suffixes: Vec<&str> = OWNER_SUFFIXES.split('|').collect();
    let owners: Vec<String> = (0..5000)
        .map(|_| {
            let mut name = rng.coined();
            name[..1].make_ascii_uppercase();
            format!("{name} {}", suffixes[rng.below(suffixes.len())])
        })
        .collect();
    let mut food = writer(dir, "food.csv", FOOD_HEADER)?;
    let mut branded = writer(dir, "branded_food.csv", BRANDED_HEADER)?;
    let mut values = writer(dir, "food_nutrient.csv", VALUE_HEADER)?;
    let mut value_id: u64 = 30_000_000;
    for n in 0..count {
        let fdc_id = (1_100_000 + n).to_string();
        let c = &categories[rng.below(categories.len())];
        let product = c.products[rng.below(c.products.len())];
        let mut words: Vec<String> = Vec::new();
        if rng.chance(25) {
            words.push(rng.coined().to_uppercase());
        }
        if rng.chance(45) {
            words.push(rng.adjective().into());
        }
        let lead = words.join(" ");
        let description = match rng.chance(70).then(|| rng.flavor()) {
            // Some FDC descriptions name the flavour after a comma.
            Some(f) if rng.chance(25) => format!("{lead} {product}, {f}"),
            Some(f) => format!("{lead} {f} {product}"),
            None => format!("{lead} {product}"),
        };
        food.write_record([&fdc_id, "branded_food", description.trim(), "", "2021-10-28", "United States"])?;

        let owner = &owners[rng.below(owners.len())];
        let brand = owner.split(' ').next().unwrap_or("").to_uppercase();
        let serving = (c.serving * rng.vary(0.3)).round().to_string();
        let ingredients = format!(
            "{product}, SUGAR, {} (WATER, SALT), NATURAL FLAVOR, SOY LECITHIN, {}, VITAMIN E (MIXED TOCOPHEROLS)",
            rng.flavor(),
            rng.adjective()
        );
        let gtin = format!("{:014}", 850_000_000_000u64 + 1_100_000 + n);
        let (s, u, h, cat) = (serving.as_str(), c.unit, c.household, c.name);
        let d = ["LI", "", "2021-09-01", "2021-10-28", "United States", "", "", "", ""];
        let row = [&fdc_id, owner.as_str(), &brand, "", &gtin, &ingredients, "", s, u, h, cat];
        branded.write_record(row.iter().copied().chain(d))?;

        let energy = (c.kcal * rng.vary(0.4)).round();
        let mut given: Vec<(u32, f64)> = vec![(1008, energy), (1062, (energy * 4.184).round())];
        for (i, (id, _, unit, _)) in NUTRIENTS.iter().enumerate().skip(2) {
            // The first 16 nearly always, the rest as labels give them: about 18 a food.
            if rng.chance(if i < 16 { 95 } else { 65 }) {
                let most = match *unit {
                    "G" => 60.0,
                    "MG" => 800.0,
                    _ => 1000.0,
                };
                given.push((*id, (rng.next() % 10_000) as f64 / 10_000.0 * most));
            }
        }
        for (nutrient_id, amount) in given {
            value_id += 1;
            let (id, nid, amount) = (value_id.to_string(), nutrient_id.to_string(), format!("{amount:.2}"));
            values.write_record([&id, &fdc_id, &nid, &amount, "", "75", "", "", "", "", "", "", ""])?;
        }
    }
    food.flush()?;
    branded.flush()?;
    values.flush()?;
    Ok(())
}
