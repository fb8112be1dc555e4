//! Scanner tests on sentences written for figcheck: every form the spec
//! names, and every exclusion.

use super::*;

fn scan(text: &str) -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    Scanner::new().scan(text, 0..text.len(), &mut out);
    out.iter()
        .map(|m| {
            let value = match m.amount {
                Amount::Point(v) => format!("{v}"),
                Amount::Range(a, b) => format!("{a}..{b}"),
            };
            (
                text[m.start..m.end].to_string(),
                value,
                m.qualifier.as_str(),
            )
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    scan(text).into_iter().map(|(t, _, _)| t).collect()
}

fn one(text: &str) -> (String, String, &'static str) {
    let found = scan(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

fn m(t: &str, v: &str, q: &'static str) -> (String, String, &'static str) {
    (t.to_string(), v.to_string(), q)
}

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(
        one("The convoy had 1,200 lorries."),
        m("1,200", "1200", "exact")
    );
    assert_eq!(
        one("Officials counted 57,500 on the list."),
        m("57,500", "57500", "exact")
    );
    assert_eq!(one("Prices rose 3.75 points."), m("3.75", "3.75", "exact"));
    assert_eq!(
        one("A total of 165 trucks went in."),
        m("165", "165", "exact")
    );
}

#[test]
fn scale_words_and_suffixes() {
    assert_eq!(
        one("They say 1.5 million fled."),
        m("1.5 million", "1500000", "exact")
    );
    assert_eq!(
        one("The fund holds 2.3m in reserve."),
        m("2.3m", "2300000", "exact")
    );
    assert_eq!(
        one("It cost $4bn to build."),
        m("$4bn", "4000000000", "exact")
    );
    assert_eq!(
        one("They waited for a dozen buses."),
        m("a dozen", "12", "exact")
    );
    assert_eq!(
        one("Nearly a hundred doctors signed."),
        m("Nearly a hundred", "100", "under")
    );
    assert_eq!(
        one("Two dozen tents stood there."),
        m("Two dozen", "24", "exact")
    );
}

#[test]
fn number_words_and_compounds() {
    assert_eq!(one("Talks lasted nine hours."), m("nine", "9", "exact"));
    assert_eq!(
        one("The group freed twenty-five people."),
        m("twenty-five", "25", "exact")
    );
    assert_eq!(
        one("They listed two hundred and five names."),
        m("two hundred and five", "205", "exact")
    );
    assert_eq!(
        one("An estimate of fifty-seven thousand five hundred was given."),
        m("fifty-seven thousand five hundred", "57500", "exact")
    );
    assert_eq!(one("A two-hour meeting followed."), m("two", "2", "exact"));
    assert_eq!(one("A 60-day truce was floated."), m("60", "60", "exact"));
}

#[test]
fn ranges() {
    assert_eq!(
        one("A one-to-three day pause was discussed."),
        m("one-to-three", "1..3", "range")
    );
    assert_eq!(
        one("Each family got 8 to 10 litres."),
        m("8 to 10", "8..10", "range")
    );
    assert_eq!(
        one("They expect between 40 and 50 buses."),
        m("between 40 and 50", "40..50", "range")
    );
    assert_eq!(
        one("Children aged 8-10 were moved."),
        m("8-10", "8..10", "range")
    );
    assert_eq!(
        one("Between 1 and 2 million were displaced."),
        m("Between 1 and 2 million", "1000000..2000000", "range")
    );
}

#[test]
fn from_to_is_two_figures_not_a_range() {
    assert_eq!(
        texts("The toll rose from 20 to 30 overnight."),
        ["20", "30"]
    );
    assert_eq!(texts("Eight or nine buses came."), ["Eight", "nine"]);
}

#[test]
fn hedges_map_to_qualifiers() {
    let cases = [
        ("They hold nearly 130 people.", "nearly 130", "under"),
        ("They hold roughly 240 people.", "roughly 240", "about"),
        ("They hold about 240 people.", "about 240", "about"),
        ("They hold over 1,000 people.", "over 1,000", "over"),
        (
            "They hold more than 1,000 people.",
            "more than 1,000",
            "over",
        ),
        ("They hold at least 40 people.", "at least 40", "over"),
        (
            "They hold upwards of 57,500 people.",
            "upwards of 57,500",
            "over",
        ),
        ("They hold up to three people.", "up to three", "under"),
        ("They hold fewer than 50 people.", "fewer than 50", "under"),
        ("They hold almost 90 people.", "almost 90", "under"),
        ("They hold some 240 people.", "some 240", "about"),
        (
            "They hold an estimated 1.9 million people.",
            "an estimated 1.9 million",
            "about",
        ),
        ("The toll passed 20,000 today.", "passed 20,000", "over"),
        (
            "The toll surpassed 20,000 today.",
            "surpassed 20,000",
            "over",
        ),
        ("The toll topped 20,000 today.", "topped 20,000", "over"),
        ("The toll exceeded 20,000 today.", "exceeded 20,000", "over"),
        ("The toll now exceeds 20,000.", "exceeds 20,000", "over"),
        ("They counted 300 or more tents.", "300 or more", "over"),
        ("They counted 30 or so tents.", "30 or so", "about"),
        ("They counted 300-plus tents.", "300-plus", "over"),
        (
            "They counted no more than 30 tents.",
            "no more than 30",
            "under",
        ),
    ];
    for (text, mention, qualifier) in cases {
        let (t, _, q) = one(text);
        assert_eq!((t.as_str(), q), (mention, qualifier), "{text}");
    }
}

#[test]
fn the_number_starts_after_a_hedge() {
    let numbers = |text: &str| -> Vec<String> {
        let mut out = Vec::new();
        Scanner::new().scan(text, 0..text.len(), &mut out);
        out.iter()
            .map(|m| text[m.number..m.end].to_string())
            .collect()
    };
    assert_eq!(
        numbers("The toll surpassed 29,000 after more than 1.5 million fled; 40 stayed."),
        ["29,000", "1.5 million", "40"]
    );
    assert_eq!(numbers("between 40 and 50 trucks"), ["40 and 50"]);
}

#[test]
fn percent_and_money() {
    assert_eq!(one("Turnout was 70% this time."), m("70%", "70", "exact"));
    assert_eq!(one("Support fell to 19 per cent."), m("19", "19", "exact"));
    assert_eq!(one("Tickets sell for $6 each."), m("$6", "6", "exact"));
    assert_eq!(
        one("It would cost $800 million."),
        m("$800 million", "800000000", "exact")
    );
}

#[test]
fn dates_and_years_are_not_mentions() {
    assert!(texts("The war began on October 7, 2023, in the south.").is_empty());
    assert!(texts("It happened on Oct. 7 and again on 7 October.").is_empty());
    assert!(texts("Elections are due in 2024 and in early 2025.").is_empty());
    assert!(texts("Filed on 2023-12-21 and 21/12/2023.").is_empty());
    assert!(texts("Crowds gathered in the 1990s.").is_empty());
}

#[test]
fn clock_times_are_not_mentions() {
    assert!(texts("He arrived shortly after 17:00 EST (21:00 GMT).").is_empty());
    assert!(texts("The vote is at 5 p.m. or at 10am.").is_empty());
}

#[test]
fn ordinals_are_not_mentions() {
    assert!(texts("It was the second round and the 7th day, the 22nd amendment.").is_empty());
}

#[test]
fn names_and_identifiers_are_not_mentions() {
    assert!(texts("Kirby spoke aboard Air Force One late on Wednesday.").is_empty());
    assert!(texts("The council passed Resolution 2720 after COVID-19 eased.").is_empty());
    assert!(texts("Traffic on Route 4 slowed; the A320 and 5G towers stood.").is_empty());
    assert!(texts("He watched Channel Nine News.").is_empty());
    assert!(texts("Seats in Section 427 Row 21 were empty.").is_empty());
}

#[test]
fn one_as_a_pronoun_is_not_a_mention() {
    assert!(texts("No one was available, and one of them left.").is_empty());
    assert!(texts("They helped one another.").is_empty());
    assert_eq!(
        texts("The issues narrowed from four to one potential sticking point."),
        ["four", "one"]
    );
}

#[test]
fn vague_amounts_and_fractions_are_not_mentions() {
    assert!(texts("Dozens of convoys and hundreds of trucks, thousands of people.").is_empty());
    assert!(texts("A few weeks passed; two-thirds of homes were hit.").is_empty());
}

#[test]
fn sentence_initial_capitals_still_count() {
    assert_eq!(
        texts("Ten people died. Nearly 130 remain."),
        ["Ten", "Nearly 130"]
    );
}

#[test]
fn spans_are_bytes_after_multibyte_text() {
    let text = "“Talks” — about 240 remain.";
    let mut out = Vec::new();
    Scanner::new().scan(text, 0..text.len(), &mut out);
    assert_eq!(&text[out[0].start..out[0].end], "about 240");
}

#[test]
fn glued_units_keep_the_figure() {
    assert_eq!(
        one("The engine makes 640bhp at full power."),
        m("640", "640", "exact")
    );
    assert_eq!(
        one("Phones with a 120Hz screen sold out."),
        m("120", "120", "exact")
    );
    assert_eq!(
        one("The plan offers 30Mbps at most."),
        m("30", "30", "exact")
    );
    assert_eq!(one("Each bar holds 45g of sugar."), m("45", "45", "exact"));
    assert_eq!(one("The ward was 32m2 in all."), m("32", "32", "exact"));
    assert_eq!(texts("Each pack of Panadol 500mg was checked."), ["500"]);
    assert!(texts("Coverage of 5G and the iPhone 11 grew.").is_empty());
}

#[test]
fn glued_percent_and_pence() {
    assert_eq!(
        one("Mortgage rates rose to 4.5pc this week."),
        m("4.5pc", "4.5", "exact")
    );
    assert_eq!(one("Shares closed at 164p."), m("164p", "164", "exact"));
    assert!(texts("The market shut at 5p.m. sharp.").is_empty());
}

#[test]
fn currency_codes_and_prefixes() {
    assert_eq!(
        one("The bill came to US$5 million."),
        m("US$5 million", "5000000", "exact")
    );
    assert_eq!(
        one("Debt reached $US113 trillion."),
        m("$US113 trillion", "113000000000000", "exact")
    );
    assert_eq!(
        one("The fee was A$300 per visit."),
        m("A$300", "300", "exact")
    );
    assert_eq!(
        one("The yacht cost USD10m in all."),
        m("USD10m", "10000000", "exact")
    );
    assert_eq!(
        one("The shares rose to RM 23.50 today."),
        m("RM 23.50", "23.5", "exact")
    );
    assert_eq!(one("Tickets cost Rs500 each."), m("Rs500", "500", "exact"));
}

#[test]
fn negative_numbers() {
    assert_eq!(
        texts("The index fell -1.3% and the other -0.6%."),
        ["-1.3%", "-0.6%"]
    );
    assert_eq!(
        one("The offense gained minus-5 yards."),
        m("minus-5", "-5", "exact")
    );
    assert_eq!(
        one("It can fall to minus 40 degrees."),
        m("minus 40", "-40", "exact")
    );
    assert_eq!(
        one("Growth was negative 2 percent."),
        m("negative 2", "-2", "exact")
    );
    assert_eq!(
        one("The balance fell to $-50.8bn in April."),
        m("$-50.8bn", "-50800000000", "exact")
    );
    assert_eq!(texts("The fund index 50 -1.3% today."), ["50", "-1.3%"]);
    assert_eq!(
        one("Children aged 8-10 were moved."),
        m("8-10", "8..10", "range")
    );
}

#[test]
fn decimals_without_a_leading_zero() {
    assert_eq!(
        one("They finished with a .500 record."),
        m(".500", "0.5", "exact")
    );
    assert_eq!(
        one("The error rate fell to .001 per cent."),
        m(".001", "0.001", "exact")
    );
}

#[test]
fn hundred_after_digits_and_spaced_abbreviations() {
    assert_eq!(
        one("There were 4 hundred people."),
        m("4 hundred", "400", "exact")
    );
    assert_eq!(
        one("There were 4 hundred million votes."),
        m("4 hundred million", "400000000", "exact")
    );
    assert_eq!(
        one("The bank lent $4 bn last year."),
        m("$4 bn", "4000000000", "exact")
    );
    assert_eq!(
        one("Output hit 10 mln barrels."),
        m("10 mln", "10000000", "exact")
    );
}

#[test]
fn bare_scale_words_are_not_mentions() {
    assert!(texts("Carbon stood at parts per million levels.").is_empty());
    assert!(texts("He bought a baker’s dozen and several hundred more.").is_empty());
}

#[test]
fn halves_of_counts() {
    assert_eq!(
        one("Half a million people fled south."),
        m("Half a million", "500000", "exact")
    );
    assert_eq!(
        one("The siege lasted two and a half years."),
        m("two and a half", "2.5", "exact")
    );
    assert_eq!(
        one("Some one and a half million people are displaced."),
        m("Some one and a half million", "1500000", "about")
    );
}

#[test]
fn ranges_with_units_between() {
    assert_eq!(
        one("Fees run between 1 per cent to 1.5 per cent."),
        m("between 1 per cent to 1.5", "1..1.5", "range")
    );
    assert_eq!(
        one("Fees are 1 per cent to 1.5 per cent a year."),
        m("1 per cent to 1.5", "1..1.5", "range")
    );
    assert_eq!(
        one("The walk is 5 miles to 7 miles long."),
        m("5 miles to 7", "5..7", "range")
    );
    assert_eq!(one("A 5-10W lamp was used."), m("5-10", "5..10", "range"));
    assert_eq!(
        one("Cook it ~25 – 40min in all."),
        m("25 – 40", "25..40", "range")
    );
    assert_eq!(
        one("The tone is between 15kHz and 17kHz."),
        m("between 15kHz and 17", "15..17", "range")
    );
    assert_eq!(
        one("The trip takes between seven to 10 days."),
        m("between seven to 10", "7..10", "range")
    );
    // Different words at the two ends are two figures.
    assert_eq!(texts("They sent 5 trucks to 10 families."), ["5", "10"]);
}

#[test]
fn range_from_is_a_range_but_change_from_is_not() {
    assert_eq!(
        one("Flats range from $300,000 to $1.2 million."),
        m("$300,000 to $1.2 million", "300000..1200000", "range")
    );
    assert_eq!(
        one("Fines ranging from 5 to 10 days were set."),
        m("5 to 10", "5..10", "range")
    );
    assert_eq!(
        texts("Prices fell from $2,400 to $2,300 overnight."),
        ["$2,400", "$2,300"]
    );
}

#[test]
fn different_units_are_not_a_range() {
    assert_eq!(
        texts("The index climbed 0.1% to 1,333.18 points."),
        ["0.1%", "1,333.18"]
    );
}

#[test]
fn more_hedges() {
    assert_eq!(one("The pot weighs ~25 kilos."), m("~25", "25", "about"));
    assert_eq!(
        one("The floor area is ≈ 32 square metres."),
        m("≈ 32", "32", "about")
    );
    assert_eq!(
        one("Chips are now sub-7 nanometre parts."),
        m("sub-7", "7", "under")
    );
    assert_eq!(
        one("Strength was lower than 9 units."),
        m("lower than 9", "9", "under")
    );
    assert_eq!(
        one("Prices were higher than 9 dollars."),
        m("higher than 9", "9", "over")
    );
}

#[test]
fn one_after_same_is_a_pronoun() {
    assert!(texts("They used the same one again.").is_empty());
}

// Regression: `over` before a span of time is a preposition, not a hedge.
#[test]
fn over_a_span_of_time_is_not_a_hedge() {
    assert_eq!(
        texts("They freed 150 prisoners over four days."),
        ["150", "four"]
    );
    assert_eq!(scan("Aid came over four days.")[0], m("four", "4", "exact"));
    assert_eq!(scan("Talks took over 20 hours.")[0], m("20", "20", "exact"));
    assert_eq!(
        scan("The toll is over 20,000.")[0],
        m("over 20,000", "20000", "over")
    );
}

// `hand over` and `turn over` take `over` as a particle: the figure is
// handed over, not more than it.
#[test]
fn over_after_handed_is_not_a_hedge() {
    assert_eq!(
        scan("Hamas handed over 13 hostages.")[0],
        m("13", "13", "exact")
    );
    assert_eq!(
        scan("Guards turned over 20 detainees.")[0],
        m("20", "20", "exact")
    );
    assert_eq!(
        scan("They sent over 300 trucks.")[0],
        m("over 300", "300", "over")
    );
}
