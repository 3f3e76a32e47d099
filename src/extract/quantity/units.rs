//! The unit model's tables: every unit a figure is written with, by dimension, with the factor
//! that converts it into the dimension's canonical unit ([`CANONICAL_UNITS`]: `t`, `m`, `m2`,
//! `m3`, `Wh`, `W`, `km/h`), percentages, scales, fractions, and the denominators of rates.
//!
//! Data, not code: a new unit is a row. Words are matched ignoring ASCII case, abbreviations
//! with their exact case (`Mt` is a megatonne, `MT` a metric ton, `mt` too; `kWh`, `MW`).
//! A rate's unit is `numerator/denominator`, each converted inside its own dimension ("$80 a
//! barrel" → `USD/m3`); periods of time are denominators of their own (`d`, `wk`, `mo`, `yr`,
//! `h`) and are not converted into one another, since a daily and a yearly figure are
//! different measures.
//!
//! [`CANONICAL_UNITS`]: crate::value::quantity::CANONICAL_UNITS

/// A canonical unit and the factor that converts the written unit into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Unit {
    pub(super) code: &'static str,
    pub(super) factor: f64,
}

pub(super) const fn unit(code: &'static str, factor: f64) -> Unit {
    Unit { code, factor }
}

pub(super) const TONNE: Unit = unit("t", 1.0);
pub(super) const PERCENT: Unit = unit("%", 1.0);
const POINTS: Unit = unit("pp", 1.0);
const POUND_MASS: f64 = 0.000_453_592_37;
const OUNCE: f64 = 0.000_028_349_523_125;
pub(super) const TROY_OUNCE: f64 = 0.000_031_103_476_8;
const MILE: f64 = 1_609.344;
const FOOT: f64 = 0.304_8;
const BARREL: f64 = 0.158_987_294_928;
const GALLON: f64 = 0.003_785_411_784;
const CUBIC_FOOT: f64 = 0.028_316_846_592;
const ACRE: f64 = 4_046.856_422_4;

/// Shorthands.
const fn mass(factor: f64) -> Unit {
    unit("t", factor)
}
const fn length(factor: f64) -> Unit {
    unit("m", factor)
}
const fn area(factor: f64) -> Unit {
    unit("m2", factor)
}
const fn volume(factor: f64) -> Unit {
    unit("m3", factor)
}
const fn energy(factor: f64) -> Unit {
    unit("Wh", factor)
}
const fn power(factor: f64) -> Unit {
    unit("W", factor)
}
const fn speed(factor: f64) -> Unit {
    unit("km/h", factor)
}

/// Units written as words, matched ignoring ASCII case. "pound" is decided by context (see
/// the reader); the rows here are its mass reading.
pub(super) const UNIT_WORDS: &[(&[&str], Unit)] = &[
    // Mass.
    (&["tonne"], TONNE),
    (&["tonnes"], TONNE),
    (&["ton"], TONNE),
    (&["tons"], TONNE),
    (&["metric", "ton"], TONNE),
    (&["metric", "tons"], TONNE),
    (&["metric", "tonne"], TONNE),
    (&["metric", "tonnes"], TONNE),
    (&["short", "ton"], mass(0.907_184_74)),
    (&["short", "tons"], mass(0.907_184_74)),
    (&["long", "ton"], mass(1.016_046_908_8)),
    (&["long", "tons"], mass(1.016_046_908_8)),
    (&["kilotonne"], mass(1e3)),
    (&["kilotonnes"], mass(1e3)),
    (&["kiloton"], mass(1e3)),
    (&["kilotons"], mass(1e3)),
    (&["megatonne"], mass(1e6)),
    (&["megatonnes"], mass(1e6)),
    (&["megaton"], mass(1e6)),
    (&["megatons"], mass(1e6)),
    (&["gigatonne"], mass(1e9)),
    (&["gigatonnes"], mass(1e9)),
    (&["gigaton"], mass(1e9)),
    (&["gigatons"], mass(1e9)),
    (&["kilogram"], mass(1e-3)),
    (&["kilograms"], mass(1e-3)),
    (&["kilogramme"], mass(1e-3)),
    (&["kilogrammes"], mass(1e-3)),
    (&["kilo"], mass(1e-3)),
    (&["kilos"], mass(1e-3)),
    (&["gram"], mass(1e-6)),
    (&["grams"], mass(1e-6)),
    (&["gramme"], mass(1e-6)),
    (&["grammes"], mass(1e-6)),
    (&["milligram"], mass(1e-9)),
    (&["milligrams"], mass(1e-9)),
    (&["microgram"], mass(1e-12)),
    (&["micrograms"], mass(1e-12)),
    (&["pound"], mass(POUND_MASS)),
    (&["pounds"], mass(POUND_MASS)),
    (&["ounce"], mass(OUNCE)),
    (&["ounces"], mass(OUNCE)),
    (&["troy", "ounce"], mass(TROY_OUNCE)),
    (&["troy", "ounces"], mass(TROY_OUNCE)),
    (&["troy", "oz"], mass(TROY_OUNCE)),
    // Length.
    (&["metre"], length(1.0)),
    (&["metres"], length(1.0)),
    (&["meter"], length(1.0)),
    (&["meters"], length(1.0)),
    (&["kilometre"], length(1e3)),
    (&["kilometres"], length(1e3)),
    (&["kilometer"], length(1e3)),
    (&["kilometers"], length(1e3)),
    (&["centimetre"], length(1e-2)),
    (&["centimetres"], length(1e-2)),
    (&["centimeter"], length(1e-2)),
    (&["centimeters"], length(1e-2)),
    (&["millimetre"], length(1e-3)),
    (&["millimetres"], length(1e-3)),
    (&["millimeter"], length(1e-3)),
    (&["millimeters"], length(1e-3)),
    (&["mile"], length(MILE)),
    (&["miles"], length(MILE)),
    (&["nautical", "mile"], length(1_852.0)),
    (&["nautical", "miles"], length(1_852.0)),
    (&["foot"], length(FOOT)),
    (&["feet"], length(FOOT)),
    (&["yard"], length(0.914_4)),
    (&["yards"], length(0.914_4)),
    (&["inch"], length(0.025_4)),
    (&["inches"], length(0.025_4)),
    // Area.
    (&["square", "metre"], area(1.0)),
    (&["square", "metres"], area(1.0)),
    (&["square", "meter"], area(1.0)),
    (&["square", "meters"], area(1.0)),
    (&["square", "kilometre"], area(1e6)),
    (&["square", "kilometres"], area(1e6)),
    (&["square", "kilometer"], area(1e6)),
    (&["square", "kilometers"], area(1e6)),
    (&["square", "mile"], area(MILE * MILE)),
    (&["square", "miles"], area(MILE * MILE)),
    (&["square", "foot"], area(FOOT * FOOT)),
    (&["square", "feet"], area(FOOT * FOOT)),
    (&["sq", "km"], area(1e6)),
    (&["sq", "m"], area(1.0)),
    (&["sq", "mi"], area(MILE * MILE)),
    (&["sq", "ft"], area(FOOT * FOOT)),
    (&["hectare"], area(1e4)),
    (&["hectares"], area(1e4)),
    (&["acre"], area(ACRE)),
    (&["acres"], area(ACRE)),
    // Volume.
    (&["cubic", "metre"], volume(1.0)),
    (&["cubic", "metres"], volume(1.0)),
    (&["cubic", "meter"], volume(1.0)),
    (&["cubic", "meters"], volume(1.0)),
    (&["cubic", "feet"], volume(CUBIC_FOOT)),
    (&["cubic", "foot"], volume(CUBIC_FOOT)),
    (&["litre"], volume(1e-3)),
    (&["litres"], volume(1e-3)),
    (&["liter"], volume(1e-3)),
    (&["liters"], volume(1e-3)),
    (&["millilitre"], volume(1e-6)),
    (&["millilitres"], volume(1e-6)),
    (&["barrel"], volume(BARREL)),
    (&["barrels"], volume(BARREL)),
    (&["gallon"], volume(GALLON)),
    (&["gallons"], volume(GALLON)),
    (&["imperial", "gallons"], volume(0.004_546_09)),
    // Energy.
    (&["watt", "hours"], energy(1.0)),
    (&["kilowatt", "hour"], energy(1e3)),
    (&["kilowatt", "hours"], energy(1e3)),
    (&["megawatt", "hour"], energy(1e6)),
    (&["megawatt", "hours"], energy(1e6)),
    (&["gigawatt", "hour"], energy(1e9)),
    (&["gigawatt", "hours"], energy(1e9)),
    (&["terawatt", "hour"], energy(1e12)),
    (&["terawatt", "hours"], energy(1e12)),
    // Power.
    (&["watt"], power(1.0)),
    (&["watts"], power(1.0)),
    (&["kilowatt"], power(1e3)),
    (&["kilowatts"], power(1e3)),
    (&["megawatt"], power(1e6)),
    (&["megawatts"], power(1e6)),
    (&["gigawatt"], power(1e9)),
    (&["gigawatts"], power(1e9)),
    (&["terawatt"], power(1e12)),
    (&["terawatts"], power(1e12)),
    (&["horsepower"], power(745.699_872)),
    // Speed.
    (&["knot"], speed(1.852)),
    (&["knots"], speed(1.852)),
    (&["miles", "per", "hour"], speed(MILE / 1e3)),
    (&["miles", "an", "hour"], speed(MILE / 1e3)),
    (&["kilometres", "per", "hour"], speed(1.0)),
    (&["kilometres", "an", "hour"], speed(1.0)),
    (&["kilometers", "per", "hour"], speed(1.0)),
    (&["kilometers", "an", "hour"], speed(1.0)),
];

/// Unit abbreviations, matched with their exact case. `kt` is decided by context (knots in a
/// sentence about speed or wind); its row here is kilotonnes.
pub(super) const UNIT_ABBREVIATIONS: &[(&[&str], Unit)] = &[
    // Mass.
    (&["t"], TONNE),
    (&["T"], TONNE),
    (&["mt"], TONNE),
    (&["MT"], TONNE),
    (&["kt"], mass(1e3)),
    (&["Kt"], mass(1e3)),
    (&["KT"], mass(1e3)),
    (&["Mt"], mass(1e6)),
    (&["mmt"], mass(1e6)),
    (&["MMT"], mass(1e6)),
    (&["Gt"], mass(1e9)),
    (&["GT"], mass(1e9)),
    (&["kg"], mass(1e-3)),
    (&["kgs"], mass(1e-3)),
    (&["Kg"], mass(1e-3)),
    (&["KG"], mass(1e-3)),
    (&["g"], mass(1e-6)),
    (&["mg"], mass(1e-9)),
    (&["µg"], mass(1e-12)),
    (&["μg"], mass(1e-12)),
    (&["mcg"], mass(1e-12)),
    (&["lb"], mass(POUND_MASS)),
    (&["lbs"], mass(POUND_MASS)),
    (&["oz"], mass(OUNCE)),
    (&["koz"], mass(1e3 * TROY_OUNCE)),
    (&["Moz"], mass(1e6 * TROY_OUNCE)),
    (&["moz"], mass(1e6 * TROY_OUNCE)),
    // Mass per year, as mining and energy reports write capacities.
    (&["tpa"], unit("t/yr", 1.0)),
    (&["ktpa"], unit("t/yr", 1e3)),
    (&["Mtpa"], unit("t/yr", 1e6)),
    (&["mtpa"], unit("t/yr", 1e6)),
    (&["MTPA"], unit("t/yr", 1e6)),
    // Length.
    (&["km"], length(1e3)),
    (&["cm"], length(1e-2)),
    (&["mm"], length(1e-3)),
    (&["ft"], length(FOOT)),
    (&["mi"], length(MILE)),
    // Area.
    (&["km", "2"], area(1e6)),
    (&["km", "²"], area(1e6)),
    (&["m", "²"], area(1.0)),
    (&["m", "2"], area(1.0)),
    (&["ha"], area(1e4)),
    // Volume.
    (&["bbl"], volume(BARREL)),
    (&["bbls"], volume(BARREL)),
    (&["bcm"], volume(1e9)),
    (&["tcf"], volume(1e12 * CUBIC_FOOT)),
    (&["bcf"], volume(1e9 * CUBIC_FOOT)),
    (&["m", "³"], volume(1.0)),
    (&["m", "3"], volume(1.0)),
    (&["cu", "m"], volume(1.0)),
    (&["ml"], volume(1e-6)),
    (&["mL"], volume(1e-6)),
    (&["gal"], volume(GALLON)),
    // Volume per day: oil output.
    (&["bpd"], unit("m3/d", BARREL)),
    (&["b", "/", "d"], unit("m3/d", BARREL)),
    (&["bbl", "/", "d"], unit("m3/d", BARREL)),
    (&["kb", "/", "d"], unit("m3/d", 1e3 * BARREL)),
    (&["mb", "/", "d"], unit("m3/d", 1e6 * BARREL)),
    (&["mbpd"], unit("m3/d", 1e6 * BARREL)),
    (&["boe", "/", "d"], unit("m3/d", BARREL)),
    (&["boepd"], unit("m3/d", BARREL)),
    // Energy.
    (&["Wh"], energy(1.0)),
    (&["kWh"], energy(1e3)),
    (&["MWh"], energy(1e6)),
    (&["GWh"], energy(1e9)),
    (&["TWh"], energy(1e12)),
    // Power.
    (&["W"], power(1.0)),
    (&["kW"], power(1e3)),
    (&["MW"], power(1e6)),
    (&["GW"], power(1e9)),
    (&["TW"], power(1e12)),
    (&["hp"], power(745.699_872)),
    // Speed.
    (&["km", "/", "h"], speed(1.0)),
    (&["kph"], speed(1.0)),
    (&["km", "/", "hr"], speed(1.0)),
    (&["mph"], speed(MILE / 1e3)),
];

/// The knot, which `kt` is in a sentence about speed or wind.
pub(super) const KNOT: Unit = speed(1.852);

/// Words that make `kt` a knot: the sentence is about speed or wind.
pub(super) const SPEED_CUES: &[&str] = &[
    "wind",
    "winds",
    "gust",
    "gusts",
    "gusting",
    "speed",
    "speeds",
    "sustained",
    "knots",
    "mph",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "airspeed",
    "sailing",
    "cruising",
];

/// Words that keep `pound`/`pounds` mass: the sentence is about mass ("7 million tonnes (15.4
/// billion pounds)").
pub(super) const MASS_CUES: &[&str] = &[
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "kg",
    "kilograms",
    "kilos",
    "Mt",
    "kt",
    "lb",
    "lbs",
    "ounces",
    "weigh",
    "weighs",
    "weighed",
    "weighing",
    "weight",
    "heavier",
    "lighter",
];

/// Words that make `pound`/`pounds` money: the sentence is about money.
pub(super) const MONEY_CUES: &[&str] = &[
    "cost",
    "costs",
    "costing",
    "paid",
    "pay",
    "pays",
    "paying",
    "price",
    "priced",
    "worth",
    "spend",
    "spent",
    "spending",
    "budget",
    "fund",
    "funding",
    "funds",
    "deal",
    "fine",
    "fined",
    "salary",
    "wage",
    "invest",
    "invested",
    "investment",
    "revenue",
    "revenues",
    "profit",
    "profits",
    "loss",
    "losses",
    "sold",
    "bought",
    "raised",
    "debt",
    "loan",
    "bill",
    "tax",
    "compensation",
    "£",
];

/// What a rate's denominator is written as after `per`, `a`/`an` or `/`, and what it
/// normalises to: a period (never converted), a unit of a dimension (converted to its
/// canonical unit: the factor is the canonical units in one written unit), or a countable
/// (`share`, `person`).
pub(super) const DENOMINATORS: &[(&[&str], Unit)] = &[
    (&["day"], unit("d", 1.0)),
    (&["d"], unit("d", 1.0)),
    (&["week"], unit("wk", 1.0)),
    (&["month"], unit("mo", 1.0)),
    (&["year"], unit("yr", 1.0)),
    (&["yr"], unit("yr", 1.0)),
    (&["annum"], unit("yr", 1.0)),
    (&["hour"], unit("h", 1.0)),
    (&["hr"], unit("h", 1.0)),
    (&["barrel"], volume(BARREL)),
    (&["bbl"], volume(BARREL)),
    (&["tonne"], TONNE),
    (&["ton"], TONNE),
    (&["t"], TONNE),
    (&["metric", "ton"], TONNE),
    (&["kilogram"], mass(1e-3)),
    (&["kilo"], mass(1e-3)),
    (&["kg"], mass(1e-3)),
    (&["pound"], mass(POUND_MASS)),
    (&["lb"], mass(POUND_MASS)),
    // Precious metals are priced by the troy ounce.
    (&["ounce"], mass(TROY_OUNCE)),
    (&["oz"], mass(TROY_OUNCE)),
    (&["litre"], volume(1e-3)),
    (&["liter"], volume(1e-3)),
    (&["gallon"], volume(GALLON)),
    (&["cubic", "metre"], volume(1.0)),
    (&["kilowatt", "hour"], energy(1e3)),
    (&["kWh"], energy(1e3)),
    (&["megawatt", "hour"], energy(1e6)),
    (&["MWh"], energy(1e6)),
    (&["square", "metre"], area(1.0)),
    (&["square", "foot"], area(FOOT * FOOT)),
    (&["hectare"], area(1e4)),
    (&["acre"], area(ACRE)),
    (&["share"], unit("share", 1.0)),
    (&["person"], unit("person", 1.0)),
    (&["head"], unit("person", 1.0)),
    (&["capita"], unit("person", 1.0)),
];

/// Words after "a year", "a day" that make it a time phrase, not a rate ("a year ago").
pub(super) const NOT_A_RATE: &[&str] = &[
    "ago",
    "earlier",
    "before",
    "later",
    "after",
    "since",
    "prior",
    "previously",
    "or",
    "into",
    "old",
    "long",
];

/// Percent and percentage-point units.
pub(super) const PERCENT_WORDS: &[(&[&str], Unit)] = &[
    (&["%"], PERCENT),
    (&["percent"], PERCENT),
    (&["per", "cent"], PERCENT),
    (&["pct"], PERCENT),
    (&["percentage", "points"], POINTS),
    (&["percentage", "point"], POINTS),
    (&["%", "points"], POINTS),
    (&["pp"], POINTS),
    (&["ppt"], POINTS),
    (&["ppts"], POINTS),
    (&["basis", "points"], unit("pp", 0.01)),
    (&["basis", "point"], unit("pp", 0.01)),
    (&["bps"], unit("pp", 0.01)),
    (&["bp"], unit("pp", 0.01)),
];

/// Scale words, case-insensitive, glued or spaced.
pub(super) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mio", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("hundred", 1e2),
    ("tn", 1e12),
    ("trn", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Denominators of fractions read as percentages ("a third of").
pub(super) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];
