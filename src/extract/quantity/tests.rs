//! The quantity reader on news phrasings, one case a line.

use super::*;
use crate::extract::format_value;
use crate::text::token::tokenize;

/// `expected` is `"text | value unit | bound | low..high"` or `None`.
#[track_caller]
fn check(input: &str, expected: Option<&str>) {
    let tokens = tokenize(input);
    let actual = quantity_at(input, &tokens, 0).map(|(end, quantity)| {
        assert_eq!(&input[quantity.span.range()], quantity.text, "span of {input:?}");
        assert_eq!(quantity.span.end, tokens[end - 1].end, "end of {input:?}");
        let side = |value: Option<f64>| value.map_or(String::new(), format_value);
        format!(
            "{} | {} {} | {:?} | {}..{}",
            quantity.text,
            format_value(quantity.value),
            quantity.unit,
            quantity.bound,
            side(quantity.low),
            side(quantity.high),
        )
    });
    assert_eq!(actual.as_deref(), expected, "quantity in {input:?}");
}

#[test]
fn numbers_and_scales() {
    check(
        "28.7 million tonnes of rare earths",
        Some("28.7 million tonnes | 28700000 t | Exact | 28700000..28700000"),
    );
    check(
        "44,000,000 tonnes",
        Some("44,000,000 tonnes | 44000000 t | Exact | 44000000..44000000"),
    );
    check(
        "44,000,000 people",
        Some("44,000,000 | 44000000  | Exact | 44000000..44000000"),
    );
    check(
        "1.2bn tons",
        Some("1.2bn tons | 1200000000 t | Exact | 1200000000..1200000000"),
    );
    check(
        "1.2 billion tons",
        Some("1.2 billion tons | 1200000000 t | Exact | 1200000000..1200000000"),
    );
    check("3.8mn t", Some("3.8mn t | 3800000 t | Exact | 3800000..3800000"));
    check(
        "3.8 mln tonnes",
        Some("3.8 mln tonnes | 3800000 t | Exact | 3800000..3800000"),
    );
    check(
        "2 bln tonnes",
        Some("2 bln tonnes | 2000000000 t | Exact | 2000000000..2000000000"),
    );
    check("10k tonnes", Some("10k tonnes | 10000 t | Exact | 10000..10000"));
    check(
        "120 thousand tonnes",
        Some("120 thousand tonnes | 120000 t | Exact | 120000..120000"),
    );
    check(
        "44m tonnes",
        Some("44m tonnes | 44000000 t | Exact | 44000000..44000000"),
    );
    check(
        "5m barrels",
        Some("5m barrels | 794936.47464 m3 | Exact | 794936.47464..794936.47464"),
    );
    check("5m users", Some("5m | 5000000  | Exact | 5000000..5000000"));
    check(
        "28.7million tonnes",
        Some("28.7million tonnes | 28700000 t | Exact | 28700000..28700000"),
    );
    check(
        "twenty million tonnes",
        Some("twenty million tonnes | 20000000 t | Exact | 20000000..20000000"),
    );
    check("twenty-five tonnes", Some("twenty-five tonnes | 25 t | Exact | 25..25"));
    check(
        "a million tonnes",
        Some("a million tonnes | 1000000 t | Exact | 1000000..1000000"),
    );
    check(
        "half a million tonnes",
        Some("half a million tonnes | 500000 t | Exact | 500000..500000"),
    );
    check(
        "one and a half million tonnes",
        Some("one and a half million tonnes | 1500000 t | Exact | 1500000..1500000"),
    );
    check("a dozen countries", Some("a dozen | 12  | Exact | 12..12"));
    check("half a dozen mines", Some("half a dozen | 6  | Exact | 6..6"));
    check("ninety", Some("ninety | 90  | Exact | 90..90"));
    check(
        "1.5 lakh tonnes",
        Some("1.5 lakh tonnes | 150000 t | Exact | 150000..150000"),
    );
    check(
        "28,7 Mio. Tonnen",
        Some("28,7 Mio. | 28700000  | Exact | 28700000..28700000"),
    );
}

#[test]
fn mass_units() {
    check("44 Mt", Some("44 Mt | 44000000 t | Exact | 44000000..44000000"));
    check("44Mt of REO", Some("44Mt | 44000000 t | Exact | 44000000..44000000"));
    check("500 kt", Some("500 kt | 500000 t | Exact | 500000..500000"));
    check("2 Gt", Some("2 Gt | 2000000000 t | Exact | 2000000000..2000000000"));
    check("500 t", Some("500 t | 500 t | Exact | 500..500"));
    check("500t", Some("500t | 500 t | Exact | 500..500"));
    check("500 mt", Some("500 mt | 500 t | Exact | 500..500"));
    check(
        "5 million MT",
        Some("5 million MT | 5000000 t | Exact | 5000000..5000000"),
    );
    check("5 MMT", Some("5 MMT | 5000000 t | Exact | 5000000..5000000"));
    check("5 metric tons", Some("5 metric tons | 5 t | Exact | 5..5"));
    check(
        "5 million metric tonnes",
        Some("5 million metric tonnes | 5000000 t | Exact | 5000000..5000000"),
    );
    check("1 tonne", Some("1 tonne | 1 t | Exact | 1..1"));
    check("3 kilotonnes", Some("3 kilotonnes | 3000 t | Exact | 3000..3000"));
    check(
        "3 megatonnes",
        Some("3 megatonnes | 3000000 t | Exact | 3000000..3000000"),
    );
    check("2,000 kg", Some("2,000 kg | 2 t | Exact | 2..2"));
    check("2,000 kilograms", Some("2,000 kilograms | 2 t | Exact | 2..2"));
    check(
        "1,000 lb",
        Some("1,000 lb | 0.45359237 t | Exact | 0.45359237..0.45359237"),
    );
    check(
        "5 million pounds of uranium",
        Some("5 million pounds | 2267.96185 t | Exact | 2267.96185..2267.96185"),
    );
    check(
        "100 ounces",
        Some("100 ounces | 0.0028349523125 t | Exact | 0.0028349523125..0.0028349523125"),
    );
    check(
        "1 million troy ounces",
        Some("1 million troy ounces | 31.1034768 t | Exact | 31.1034768..31.1034768"),
    );
    check(
        "2 Moz of gold",
        Some("2 Moz | 62.2069536 t | Exact | 62.2069536..62.2069536"),
    );
    check("a 28.7-million-tonne deposit", None);
    check(
        "28.7-million-tonne deposit",
        Some("28.7-million-tonne | 28700000 t | Exact | 28700000..28700000"),
    );
    check("5-tonne truck", Some("5-tonne | 5 t | Exact | 5..5"));
}

#[test]
fn percent() {
    check("5%", Some("5% | 5 % | Exact | 5..5"));
    check("5 %", Some("5 % | 5 % | Exact | 5..5"));
    check("5 percent", Some("5 percent | 5 % | Exact | 5..5"));
    check("5 per cent", Some("5 per cent | 5 % | Exact | 5..5"));
    check("5 pct", Some("5 pct | 5 % | Exact | 5..5"));
    check("5pc", Some("5pc | 5 % | Exact | 5..5"));
    check("ten percent", Some("ten percent | 10 % | Exact | 10..10"));
    check("0.5%", Some("0.5% | 0.5 % | Exact | 0.5..0.5"));
    check("2 percentage points", Some("2 percentage points | 2 pp | Exact | 2..2"));
    check(
        "25 basis points",
        Some("25 basis points | 0.25 pp | Exact | 0.25..0.25"),
    );
    check(
        "a third of global output",
        Some("a third | 33.3333333333 % | Exact | 33.3333333333..33.3333333333"),
    );
    check(
        "two-thirds of supply",
        Some("two-thirds | 66.6666666667 % | Exact | 66.6666666667..66.6666666667"),
    );
    check("half of the world's", Some("half | 50 % | Exact | 50..50"));
    check("one in five magnets", Some("one in five | 20 % | Exact | 20..20"));
    check(
        "nearly a quarter of",
        Some("nearly a quarter | 25 % | Approximate | 25..25"),
    );
    check("a third", None);
    check(
        "three-quarters of the total",
        Some("three-quarters | 75 % | Exact | 75..75"),
    );
}

#[test]
fn money() {
    check(
        "$260 million",
        Some("$260 million | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "$ 260 million",
        Some("$ 260 million | 260000000 USD | Exact | 260000000..260000000"),
    );
    check("£600m", Some("£600m | 600000000 GBP | Exact | 600000000..600000000"));
    check("€3bn", Some("€3bn | 3000000000 EUR | Exact | 3000000000..3000000000"));
    check(
        "$1.2T",
        Some("$1.2T | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
    );
    check(
        "$1.2tn",
        Some("$1.2tn | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
    );
    check(
        "$1.2 trillion",
        Some("$1.2 trillion | 1200000000000 USD | Exact | 1200000000000..1200000000000"),
    );
    check("$5M", Some("$5M | 5000000 USD | Exact | 5000000..5000000"));
    check("$1.2b", Some("$1.2b | 1200000000 USD | Exact | 1200000000..1200000000"));
    check(
        "US$260 million",
        Some("US$260 million | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "US $260 million",
        Some("US $260 million | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "USD 260 million",
        Some("USD 260 million | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "USD260m",
        Some("USD260m | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "GBP 5bn",
        Some("GBP 5bn | 5000000000 GBP | Exact | 5000000000..5000000000"),
    );
    check(
        "EUR 3 billion",
        Some("EUR 3 billion | 3000000000 EUR | Exact | 3000000000..3000000000"),
    );
    check(
        "¥500 billion",
        Some("¥500 billion | 500000000000 JPY | Exact | 500000000000..500000000000"),
    );
    check(
        "CNY 10bn",
        Some("CNY 10bn | 10000000000 CNY | Exact | 10000000000..10000000000"),
    );
    check(
        "RMB5bn",
        Some("RMB5bn | 5000000000 CNY | Exact | 5000000000..5000000000"),
    );
    check(
        "yuan 5 billion",
        Some("yuan 5 billion | 5000000000 CNY | Exact | 5000000000..5000000000"),
    );
    check(
        "RUB 100bn",
        Some("RUB 100bn | 100000000000 RUB | Exact | 100000000000..100000000000"),
    );
    check("A$2bn", Some("A$2bn | 2000000000 AUD | Exact | 2000000000..2000000000"));
    check(
        "C$ 2bn",
        Some("C$ 2bn | 2000000000 CAD | Exact | 2000000000..2000000000"),
    );
    check(
        "CN¥5bn",
        Some("CN¥5bn | 5000000000 CNY | Exact | 5000000000..5000000000"),
    );
    check(
        "260 million dollars",
        Some("260 million dollars | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "260 million US dollars",
        Some("260 million US dollars | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "260 million U.S. dollars",
        Some("260 million U.S. dollars | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "3bn euros",
        Some("3bn euros | 3000000000 EUR | Exact | 3000000000..3000000000"),
    );
    check(
        "600m pounds sterling",
        Some("600m pounds sterling | 600000000 GBP | Exact | 600000000..600000000"),
    );
    check(
        "5 billion yuan",
        Some("5 billion yuan | 5000000000 CNY | Exact | 5000000000..5000000000"),
    );
    check(
        "100 billion rubles",
        Some("100 billion rubles | 100000000000 RUB | Exact | 100000000000..100000000000"),
    );
    check(
        "100bn roubles",
        Some("100bn roubles | 100000000000 RUB | Exact | 100000000000..100000000000"),
    );
    check(
        "2 billion Australian dollars",
        Some("2 billion Australian dollars | 2000000000 AUD | Exact | 2000000000..2000000000"),
    );
    check(
        "260 million USD",
        Some("260 million USD | 260000000 USD | Exact | 260000000..260000000"),
    );
    check(
        "$1.2-billion deal",
        Some("$1.2-billion | 1200000000 USD | Exact | 1200000000..1200000000"),
    );
    check("a $260 million", None);
    check("$", None);
    check("USD", None);
}

#[test]
fn bounds() {
    check("about 5%", Some("about 5% | 5 % | Approximate | 5..5"));
    check(
        "around 28.7 million tonnes",
        Some("around 28.7 million tonnes | 28700000 t | Approximate | 28700000..28700000"),
    );
    check(
        "approximately 3 Mt",
        Some("approximately 3 Mt | 3000000 t | Approximate | 3000000..3000000"),
    );
    check(
        "roughly $5bn",
        Some("roughly $5bn | 5000000000 USD | Approximate | 5000000000..5000000000"),
    );
    check(
        "some 120,000 tonnes",
        Some("some 120,000 tonnes | 120000 t | Approximate | 120000..120000"),
    );
    check("nearly 40%", Some("nearly 40% | 40 % | Approximate | 40..40"));
    check(
        "almost half a million tonnes",
        Some("almost half a million tonnes | 500000 t | Approximate | 500000..500000"),
    );
    check(
        "close to 90 percent",
        Some("close to 90 percent | 90 % | Approximate | 90..90"),
    );
    check(
        "an estimated 28.7 million tonnes",
        Some("an estimated 28.7 million tonnes | 28700000 t | Approximate | 28700000..28700000"),
    );
    check(
        "estimated at 3.8 Mt",
        Some("estimated at 3.8 Mt | 3800000 t | Approximate | 3800000..3800000"),
    );
    check(
        "circa 5 Mt",
        Some("circa 5 Mt | 5000000 t | Approximate | 5000000..5000000"),
    );
    check("c. 5 Mt", Some("c. 5 Mt | 5000000 t | Approximate | 5000000..5000000"));
    check("~5 Mt", Some("~5 Mt | 5000000 t | Approximate | 5000000..5000000"));
    check(
        "more than 28.7 million tonnes",
        Some("more than 28.7 million tonnes | 28700000 t | MoreThan | 28700000.."),
    );
    check(
        "over $1bn",
        Some("over $1bn | 1000000000 USD | MoreThan | 1000000000.."),
    );
    check("above 60%", Some("above 60% | 60 % | MoreThan | 60.."));
    check(
        "in excess of 10 Mt",
        Some("in excess of 10 Mt | 10000000 t | MoreThan | 10000000.."),
    );
    check(
        "exceeding 1 million tonnes",
        Some("exceeding 1 million tonnes | 1000000 t | MoreThan | 1000000.."),
    );
    check(
        "upwards of 5,000 tonnes",
        Some("upwards of 5,000 tonnes | 5000 t | MoreThan | 5000.."),
    );
    check(
        "north of $2bn",
        Some("north of $2bn | 2000000000 USD | MoreThan | 2000000000.."),
    );
    check("> 50%", Some("> 50% | 50 % | MoreThan | 50.."));
    check(
        "just over 3 million tonnes",
        Some("just over 3 million tonnes | 3000000 t | MoreThan | 3000000.."),
    );
    check("more than a dozen", Some("more than a dozen | 12  | MoreThan | 12.."));
    check(
        "at least 20 Mt",
        Some("at least 20 Mt | 20000000 t | AtLeast | 20000000.."),
    );
    check("no less than 70%", Some("no less than 70% | 70 % | AtLeast | 70.."));
    check("not less than 70%", Some("not less than 70% | 70 % | AtLeast | 70.."));
    check("≥ 5 t", Some("≥ 5 t | 5 t | AtLeast | 5.."));
    check(
        "up to 12 million tonnes",
        Some("up to 12 million tonnes | 12000000 t | AtMost | 0..12000000"),
    );
    check("as much as 90%", Some("as much as 90% | 90 % | AtMost | 0..90"));
    check("as many as 5,000", Some("as many as 5,000 | 5000  | AtMost | 0..5000"));
    check("at most 3 Mt", Some("at most 3 Mt | 3000000 t | AtMost | 0..3000000"));
    check("no more than 5%", Some("no more than 5% | 5 % | AtMost | 0..5"));
    check("not more than 5%", Some("not more than 5% | 5 % | AtMost | 0..5"));
    check("≤ 5%", Some("≤ 5% | 5 % | AtMost | 0..5"));
    check("less than 1%", Some("less than 1% | 1 % | LessThan | 0..1"));
    check(
        "under $100m",
        Some("under $100m | 100000000 USD | LessThan | 0..100000000"),
    );
    check("below 10 Mt", Some("below 10 Mt | 10000000 t | LessThan | 0..10000000"));
    check("fewer than 100", Some("fewer than 100 | 100  | LessThan | 0..100"));
    check("< 1%", Some("< 1% | 1 % | LessThan | 0..1"));
    check(
        "40,000 tonnes or more",
        Some("40,000 tonnes or more | 40000 t | AtLeast | 40000.."),
    );
    check("5% or less", Some("5% or less | 5 % | AtMost | 0..5"));
    check(
        "100,000 tonnes or so",
        Some("100,000 tonnes or so | 100000 t | Approximate | 100000..100000"),
    );
    check("5,000+ tonnes", Some("5,000+ | 5000  | AtLeast | 5000.."));
    check("40-odd mines", Some("40-odd | 40  | Approximate | 40..40"));
    check("$1bn-plus", Some("$1bn-plus | 1000000000 USD | AtLeast | 1000000000.."));
    check("more than", None);
    check("more than half", None);
    check("about the", None);
    check("over the past decade", None);
}

#[test]
fn ranges() {
    check(
        "10–12 million tonnes",
        Some("10–12 million tonnes | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "10-12 million tonnes",
        Some("10-12 million tonnes | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "10 - 12 Mt",
        Some("10 - 12 Mt | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "10 to 12 million",
        Some("10 to 12 million | 11000000  | Range | 10000000..12000000"),
    );
    check(
        "between 10 and 12 million tonnes",
        Some("between 10 and 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "from 10 to 12 million tonnes",
        Some("from 10 to 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "$1bn–$2bn",
        Some("$1bn–$2bn | 1500000000 USD | Range | 1000000000..2000000000"),
    );
    check(
        "$1-2 billion",
        Some("$1-2 billion | 1500000000 USD | Range | 1000000000..2000000000"),
    );
    check(
        "$1-2bn",
        Some("$1-2bn | 1500000000 USD | Range | 1000000000..2000000000"),
    );
    check("£1m-£2m", Some("£1m-£2m | 1500000 GBP | Range | 1000000..2000000"));
    check(
        "between $1bn and $2bn",
        Some("between $1bn and $2bn | 1500000000 USD | Range | 1000000000..2000000000"),
    );
    check("10-12%", Some("10-12% | 11 % | Range | 10..12"));
    check("10% to 12%", Some("10% to 12% | 11 % | Range | 10..12"));
    check(
        "between 10 and 12 per cent",
        Some("between 10 and 12 per cent | 11 % | Range | 10..12"),
    );
    check(
        "500,000 to 1 million tonnes",
        Some("500,000 to 1 million tonnes | 750000 t | Range | 500000..1000000"),
    );
    check(
        "1.5-2 billion tonnes",
        Some("1.5-2 billion tonnes | 1750000000 t | Range | 1500000000..2000000000"),
    );
    check(
        "10 million to 12 million tonnes",
        Some("10 million to 12 million tonnes | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "two to three million tonnes",
        Some("two to three million tonnes | 2500000 t | Range | 2000000..3000000"),
    );
    check(
        "about 10-12 Mt",
        Some("about 10-12 Mt | 11000000 t | Range | 10000000..12000000"),
    );
    check(
        "1,900-2,000 tonnes",
        Some("1,900-2,000 tonnes | 1950 t | Range | 1900..2000"),
    );
    check("5% to 10 tonnes", Some("5% | 5 % | Exact | 5..5"));
    check("12-10", Some("12 | 12  | Exact | 12..12"));
    check("between 10 and", None);
    check("between China and Russia", None);
    check("from 10", None);
}

#[track_caller]
fn check_at(input: &str, start: usize, expected: Option<&str>) {
    let tokens = tokenize(input);
    let actual = quantity_at(input, &tokens, start).map(|(_, quantity)| {
        format!(
            "{} | {} {} | {:?}",
            quantity.text,
            format_value(quantity.value),
            quantity.unit,
            quantity.bound
        )
    });
    assert_eq!(actual.as_deref(), expected, "quantity at token {start} in {input:?}");
}

#[test]
fn context() {
    check_at("output rose from 10% to 12%", 2, None);
    check_at("output rose from 10% to 12%", 3, Some("10% | 10 % | Exact"));
    check_at("output rose 10% to 12%", 2, Some("10% | 10 % | Exact"));
    check_at("the price rose by $5 to $6", 4, Some("$5 | 5 USD | Exact"));
    check_at("the price rose by $5 to $6", 3, None);
    check_at("is more than three times larger", 2, None);
    check_at("on March 3 the", 2, None);
    check_at("on 3 March 2024", 1, None);
    check_at("on Jan. 3 the", 3, None);
    check_at("the G7 summit", 2, None);
    check_at("COVID-19 cases", 2, None);
    check_at("No. 2 producer", 2, None);
    check_at("reserves of 3.8 Mt", 2, Some("3.8 Mt | 3800000 t | Exact"));
    check_at("in May 2023 prices", 2, None);
    check_at("the top 10 producers", 2, None);
    check_at("the top five producers", 2, None);
    check_at("the top 10 tonnes", 2, Some("10 tonnes | 10 t | Exact"));
}

#[test]
fn not_quantities() {
    check("2023", None);
    check("in 2023", None);
    check("around 2010", None);
    check("2010–2012", None);
    check("from 2010 to 2012", None);
    check("1990s", None);
    check("2nd", None);
    check("5G networks", None);
    check("600m deep", None);
    check("a 12-month high", None);
    check("12-month high", None);
    check("five-year plan", None);
    check("10-fold", None);
    check("3-D printing", None);
    check("10:30", None);
    check("3/4/2023", None);
    check("one of the largest", None);
    check("one", None);
    check("two of them", None);
    check("a tonne", None);
    check("some of the largest", None);
    check("more", None);
    check("million", None);
    check("millions of tonnes", None);
    check("Russia", None);
    check("", None);
}

#[test]
fn years_with_units_are_quantities() {
    check("2000 tonnes", Some("2000 tonnes | 2000 t | Exact | 2000..2000"));
    check("2,023", Some("2,023 | 2023  | Exact | 2023..2023"));
    check("$2023", Some("$2023 | 2023 USD | Exact | 2023..2023"));
    check("1,500", Some("1,500 | 1500  | Exact | 1500..1500"));
    check("3", Some("3 | 3  | Exact | 3..3"));
}

/// The decision on an ambiguous unit or sign, as `explain` shows it.
#[track_caller]
fn check_reading(input: &str, expected: &str) {
    let tokens = tokenize(input);
    let quantity = (0..tokens.len())
        .find_map(|start| quantity_at(input, &tokens, start))
        .map(|(_, quantity)| quantity.reading());
    assert_eq!(quantity.as_deref(), Some(expected), "reading of {input:?}");
}

#[test]
fn ambiguous_units_say_how_they_were_read() {
    check_reading(
        "Gusts of 60 kt hit the coast.",
        "\"60 kt\" → 111.12 km/h (speed); `kt` read as knots: the sentence speaks of speed or wind",
    );
    check_reading(
        "The mine shipped 60 kt of ore.",
        "\"60 kt\" → 60000 t (mass); `kt` read as kilotonnes: nothing in the sentence speaks of speed",
    );
    check_reading(
        "The club paid 40 pounds.",
        "\"40 pounds\" → 40 GBP (money); `pounds` read as money (GBP): the sentence speaks of money",
    );
    check_reading(
        "It spent 5 million pounds.",
        "\"5 million pounds\" → 5000000 GBP (money); `pounds` read as money (GBP): a scale word precedes it",
    );
    check_reading(
        "It shipped 500 pounds of beef.",
        "\"500 pounds\" → 0.226796185 t (mass); `pounds` read as mass (lb): `of` follows",
    );
    check_reading(
        "The baby weighed 7 pounds.",
        "\"7 pounds\" → 0.00317514659 t (mass); `pounds` read as mass (lb): the sentence speaks of mass",
    );
    check_reading(
        "The statue is 7 pounds.",
        "\"7 pounds\" → 0.00317514659 t (mass); `pounds` read as mass (lb): nothing in the sentence speaks of money; write `pounds sterling` for money",
    );
    check_reading(
        "India mined 100 MT of coal.",
        "\"100 MT\" → 100 t (mass); `MT` read as metric tonnes (megatonnes are written `Mt`)",
    );
    check_reading(
        "Prices were down 0.8% in May.",
        "\"down 0.8%\" → -0.8 % (percent); `down` read as a minus sign",
    );
    check_reading("It has 100,000 people.", "\"100,000\" → 100000 (count of people)");
    check_reading(
        "It pumps 2 million bpd.",
        "\"2 million bpd\" → 317974.589856 m3/d (rate)",
    );
}
