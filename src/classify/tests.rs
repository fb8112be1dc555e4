//! Metric selection on sentences written for figcheck: each metric with
//! phrasings that must select it, and confusions that must not.

use super::*;
use crate::article::Metadata;
use crate::extract::Scanner;

/// Every figure of `text`, published on 2023-12-21, classified with the
/// default pack (returned too, to name the metrics).
fn classified(text: &str) -> (Pack, Vec<Claim>) {
    let pack = Pack::default_pack();
    let claims = {
        let classifier = Classifier::new(&pack);
        let article = Article {
            file: "t.txt".into(),
            line: None,
            text: text.to_string(),
            body: 0..text.len(),
            meta: Metadata {
                date: Some(jiff::civil::date(2023, 12, 21)),
                ..Metadata::default()
            },
        };
        let mut mentions = Vec::new();
        Scanner::new().scan(text, 0..text.len(), &mut mentions);
        classifier.classify(&article, &mentions, &mut classifier.scratch())
    };
    (pack, claims)
}

fn claims(text: &str) -> Vec<(String, Option<String>)> {
    let (pack, claims) = classified(text);
    claims
        .into_iter()
        .map(|c| {
            (
                text[c.mention.start..c.mention.end].to_string(),
                c.metric.map(|m| pack.metric(m).id.clone()),
            )
        })
        .collect()
}

/// The metric of each figure in `text`.
fn metrics(text: &str) -> Vec<Option<String>> {
    claims(text).into_iter().map(|(_, m)| m).collect()
}

/// The metric of the only figure in `text`.
fn metric(text: &str) -> Option<String> {
    let found = claims(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].1.clone()
}

fn assert_metric(expected: Option<&str>, sentences: &[&str]) {
    for sentence in sentences {
        assert_eq!(metric(sentence).as_deref(), expected, "{sentence}");
    }
}

#[test]
fn hostages_taken() {
    assert_metric(
        Some("hostages.taken"),
        &[
            "Gunmen abducted 251 people in the raid.",
            "The attack left 251 hostages taken to Gaza.",
            "About 240 people were taken hostage that day.",
            "In the raid, around 240 were taken hostage.",
            "Hamas seized 250 captives during the assault.",
            "The attackers dragged about 240 people across the fence.",
        ],
    );
    // the veto of those since freed is the other figure's
    assert_eq!(
        metrics("Of the 253 people abducted, 105 were freed in November."),
        [
            Some("hostages.taken".to_string()),
            Some("hostages.released".to_string())
        ]
    );
    assert_ne!(
        metric("The 105 hostages taken on October 7 were freed in November.").as_deref(),
        Some("hostages.taken")
    );
    // those taken that day who are still held count as held
    assert_eq!(
        metric("Some 120 people abducted in the raid are still in captivity.").as_deref(),
        Some("hostages.held")
    );
}

#[test]
fn hostages_held() {
    assert_metric(
        Some("hostages.held"),
        &[
            "Talks on the hostages went on as nearly 130 were still being held in Gaza.",
            "Israel says 129 hostages remain in captivity.",
            "Relatives of the 59 hostages still held in Gaza marched.",
            "Hamas is still holding 100 hostages, officials said.",
            "The group has 132 captives in the enclave, believed to be held in tunnels.",
            "Of the hostages taken on that day, 134 remain in Gaza.",
            "The number of hostages still in Gaza stands at 134, officials said.",
            "Israel says 128 people kidnapped on October 7 remain held in Gaza.",
        ],
    );
}

#[test]
fn hostages_released() {
    assert_metric(
        Some("hostages.released"),
        &[
            "The deal would see the release of 10 living hostages.",
            "So far 105 hostages have been freed.",
            "Under the plan, 33 captives are to be released in stages.",
            "Israeli forces rescued two hostages in Rafah overnight.",
            "Prisoners were freed in exchange for 80 Israeli hostages.",
            "Talks on the hostages resumed; more than 100 have since been released.",
            "On Friday the group handed over 13 captives at the crossing.",
            "A first phase would let 33 hostages go free.",
            "Late on Friday, 13 hostages crossed back into Israel.",
            "Earlier, 11 hostages were handed to the Red Cross.",
            "Under the deal, 33 hostages are due to be returned in exchange.",
        ],
    );
    // the noun left out, and the hostages named in the sentence before
    let found = claims("Hamas abducted 253 people. Of those, 100 have since been freed.");
    assert_eq!(found[1].1.as_deref(), Some("hostages.released"));
}

#[test]
fn bodies_of_hostages_are_not_hostages_released_or_held() {
    assert_metric(
        None,
        &[
            "The deal also returns the bodies of nine hostages.",
            "Israel recovered 8 dead hostages from the tunnel.",
            "The bodies of four hostages were handed to the Red Cross.",
            "Hamas still holds the remains of 30 hostages in Gaza.",
        ],
    );
}

#[test]
fn prisoners_released() {
    assert_metric(
        Some("prisoners.released"),
        &[
            "In exchange, Israel will free 150 Palestinian prisoners.",
            "The swap saw 1,900 detainees released from jails.",
        ],
    );
    assert_metric(
        None,
        &[
            "Israel holds 9,000 Palestinian prisoners in its jails.",
            "The deal freed three Palestinian prisoners for every hostage.",
        ],
    );
}

#[test]
fn aid_trucks() {
    assert_metric(
        Some("aid.trucks"),
        &[
            "Another 165 trucks worth of humanitarian aid went in.",
            "Only 76 aid trucks crossed at Kerem Shalom.",
            "Officials said 200 lorries of food entered the Strip.",
        ],
    );
    assert_metric(
        None,
        &[
            "The agency delivered 300 tonnes of flour.",
            "About 500 aid trucks a day are needed, agencies say.",
            "More than 200 lorries were waiting at the crossing.",
            // a baseline before the war, not a day of it
            "Before the war, some 500 aid trucks entered each day.",
            "The pre-war average of 500 trucks a day was never reached again.",
            "About 500 trucks a day went in before the war began.",
        ],
    );
    // a baseline later in the sentence leaves the day's figure alone
    let found = claims("Only 98 aid trucks crossed on Monday, down from 500 a day before the war.");
    assert_eq!(found[0], ("98".to_string(), Some("aid.trucks".to_string())));
}

#[test]
fn deaths_in_gaza() {
    assert_metric(
        Some("deaths.gaza"),
        &[
            "The war has killed more than 20,000 people in Gaza, the health ministry said.",
            "Strikes have led to upwards of 57,500 fatalities in Gaza.",
            "The death toll in Gaza has risen to 25,105, officials said.",
            "Some 30,000 Palestinians have been killed, according to the ministry.",
            "The ministry raised its count of the dead in Gaza to 21,110.",
            "Gaza's death tally reached 21,300 on Friday.",
            "In Gaza, 21,500 Palestinians were reported killed, officials said.",
        ],
    );
}

/// `surpassed` and `more than` belong to the mention (they are its
/// qualifier), yet the cue before the figure may end with them.
#[test]
fn a_hedge_does_not_hide_the_cue_before_it() {
    assert_metric(
        Some("deaths.gaza"),
        &[
            "The death toll in Gaza has surpassed 29,000, the ministry said.",
            "The Palestinian death toll in Gaza has topped 29,100.",
            "The number of people killed in Gaza has exceeded 29,150.",
            "Gaza's death toll passed 29,200 on Tuesday.",
            "The toll in the Gaza Strip rose to more than 29,300.",
            "Strikes in Gaza have killed more than 29,400 people.",
            "The death toll in Gaza now exceeds 29,500.",
        ],
    );
    assert_metric(
        Some("injured.gaza"),
        &["The number of wounded in Gaza has exceeded 69,000."],
    );
    assert_metric(
        Some("hostages.held"),
        &["The number of hostages still held in Gaza has fallen to 130."],
    );
    // the hedge's qualifier is kept
    let (_, found) = classified("The death toll in Gaza has surpassed 29,000.");
    assert_eq!(found[0].mention.qualifier, crate::extract::Qualifier::Over);
}

#[test]
fn subgroup_and_elsewhere_tolls_are_not_deaths_gaza() {
    assert_metric(
        None,
        &[
            "The strikes in Gaza have killed 8,000 children, the ministry said.",
            "Israeli forces have killed 500 Palestinians in the West Bank.",
            "Strikes in Lebanon killed 40 people, according to officials.",
            "In Gaza, 120 journalists have been killed since the war began.",
        ],
    );
}

/// A sentence that names no place is about the place of the two sentences
/// before it, in its paragraph or not; a veto there rules the metric out as it
/// would in the sentence, and a metric with its context in the sentence
/// itself comes first.
#[test]
fn a_sentence_takes_its_place_from_the_ones_before() {
    let gaza = "Gaza's health ministry said 28,473 Palestinians had been killed.";
    assert_eq!(
        metrics(&format!(
            "{gaza} The ministry put the number of wounded at 68,146."
        )),
        [
            Some("deaths.gaza".to_string()),
            Some("injured.gaza".to_string())
        ]
    );
    assert_eq!(
        metrics(&format!(
            "{gaza} Talks resumed in Cairo. The death toll climbed to 28,576 on Wednesday."
        ))[1],
        Some("deaths.gaza".to_string())
    );
    // wire copy runs a sentence to a paragraph
    assert_eq!(
        metrics(&format!(
            "{gaza}\n\nAnother 68,146 people have been wounded, it said."
        ))[1],
        Some("injured.gaza".to_string())
    );
    for text in [
        // the nearer sentence is about Lebanon
        format!("{gaza} Fighting also flared in Lebanon. The toll rose to 300."),
        // three sentences back is too far
        format!("{gaza} Talks resumed. Envoys met. The toll rose to 28,576."),
    ] {
        assert_eq!(metrics(&text)[1], None, "{text}");
    }
    assert_eq!(
        metrics(&format!(
            "{gaza} Israel says 1,139 people were killed in the attack."
        ))[1],
        Some("deaths.israel".to_string())
    );
}

/// A running total counts what the figure it adds up from counts.
#[test]
fn a_running_total_counts_what_the_figure_before_counts() {
    for (text, metric) in [
        (
            "Israel freed 39 Palestinian prisoners on Friday, bringing the total released under the deal to 150.",
            "prisoners.released",
        ),
        (
            "Hamas released 17 hostages on Saturday, bringing the number freed during the truce to 58.",
            "hostages.released",
        ),
    ] {
        assert_eq!(
            metrics(text),
            [Some(metric.to_string()), Some(metric.to_string())],
            "{text}"
        );
    }
    // a week's trucks are not a day's
    assert_eq!(
        metrics("Another 60 trucks crossed on Sunday, taking the total for the week to 700."),
        [Some("aid.trucks".to_string()), None]
    );
    // only the words of a total carry the metric over
    assert_eq!(
        metrics(
            "Israel freed 39 Palestinian prisoners on Friday, and talks went to 150 delegates."
        ),
        [Some("prisoners.released".to_string()), None]
    );
}

/// A day's deaths, a sub-group's toll and a population a share is taken
/// of are not the metric their words suggest.
#[test]
fn increments_subgroups_and_populations_are_not_tolls() {
    for text in [
        "Another 107 people were killed in Gaza over the past 24 hours, the ministry said.",
        "In Gaza, 540 people were wounded in the last 24 hours.",
        "Over the past day, 150 Palestinians were reported killed in Gaza.",
        "In the past day alone, strikes in Gaza killed 69 people.",
        "Health officials in Gaza reported 11,078 deaths among women and children.",
    ] {
        assert_eq!(claims(text)[0].1, None, "{text}");
    }
    // the day's figure only: the toll it brings the total to is the toll
    for text in [
        "At least 69 people were killed in the past 24 hours, bringing the death toll to 31,341, the Gaza health ministry said.",
        "Israeli strikes killed 69 Palestinians in Gaza in the past 24 hours, bringing the total to 31,341.",
        "In Gaza, the toll rose by 69 in the last 24 hours, bringing the total to 31,341.",
        "In the past 24 hours, the death toll in Gaza rose to 31,341.",
    ] {
        let found = claims(text);
        let toll = found.iter().find(|(figure, _)| figure == "31,341");
        assert_eq!(
            toll.and_then(|(_, m)| m.as_deref()),
            Some("deaths.gaza"),
            "{text}"
        );
        assert!(
            found
                .iter()
                .all(|(figure, m)| figure == "31,341" || m.is_none()),
            "{text}"
        );
    }
    // the aside between dashes is read past, as one between commas
    assert_eq!(
        metrics(
            "Nearly two million Gazans \u{2014} about 85% of the population \u{2014} remain displaced."
        ),
        [Some("displaced.gaza".to_string()), None]
    );
    let found = claims("Around 85 percent of Gaza's 2.3 million people have fled their homes.");
    assert_eq!(found[1], ("2.3 million".to_string(), None));
}

/// Two figures share the verb after the second: `50 hostages and 150
/// prisoners were freed`.
#[test]
fn coordinated_figures_share_their_verb() {
    assert_eq!(
        metrics("During the truce, 50 Israeli hostages and 150 Palestinian prisoners were freed."),
        [
            Some("hostages.released".to_string()),
            Some("prisoners.released".to_string())
        ]
    );
    // the first figure's words are its own
    assert_eq!(
        metrics("In Gaza, 50 women and 100 children were killed."),
        [None, None]
    );
}

/// `in Israel` places a toll; `in Israel's campaign` does not.
#[test]
fn a_campaign_of_israel_is_no_place_in_israel() {
    assert_eq!(
        metrics(
            "Over 46,900 Palestinians have been killed and more than 110,700 injured in Israel's military campaign, the Gaza health ministry said."
        ),
        [
            Some("deaths.gaza".to_string()),
            Some("injured.gaza".to_string())
        ]
    );
    assert_eq!(
        metrics("Gaza's ministry said 40 were wounded in Israel."),
        [None]
    );
}

#[test]
fn deaths_in_israel() {
    assert_metric(
        Some("deaths.israel"),
        &[
            "The October 7 attack killed 1,200 people in Israel.",
            "The attack resulted in approximately 1,200 Israeli deaths.",
            "Some of the 1,139 people killed in Israel on October 7 were buried.",
            "Israel says 1,139 people were killed in the Hamas-led attack of 7 October.",
        ],
    );
    assert_metric(
        None,
        &["Israeli strikes killed 1,200 soldiers of the group in Israel."],
    );
}

#[test]
fn the_two_tolls_of_one_sentence_are_told_apart() {
    let found = claims(
        "The war began on October 7, 2023, with an attack that resulted in approximately 1,200 Israeli deaths, while strikes have led to upwards of 57,500 fatalities in Gaza.",
    );
    let metrics: Vec<Option<&str>> = found.iter().map(|(_, m)| m.as_deref()).collect();
    assert_eq!(metrics, [Some("deaths.israel"), Some("deaths.gaza")]);
}

/// A toll in Israel and one in Gaza joined by `and`: each figure's place
/// rules out the other metric, and a second figure with only a place
/// shares the first one's cue.
#[test]
fn tolls_joined_by_and_each_keep_their_place() {
    let israel_then_gaza = [
        Some("deaths.israel".to_string()),
        Some("deaths.gaza".to_string()),
    ];
    for text in [
        "At least 1,200 people have been killed in Israel and over 14,800 in Gaza.",
        "The war has killed 1,200 people in Israel and more than 30,000 in the Gaza Strip, officials said.",
    ] {
        assert_eq!(metrics(text), israel_then_gaza, "{text}");
    }
    assert_eq!(
        metrics("More than 30,000 people have been killed in Gaza and 1,200 in Israel."),
        [
            Some("deaths.gaza".to_string()),
            Some("deaths.israel".to_string())
        ]
    );
    // a place said once is the place of both figures
    assert_eq!(
        metrics(
            "Since the Gaza war began, 400 people have been killed in the West Bank and 4,000 wounded."
        ),
        [None, None]
    );
    // the second figure has words of its own: nothing to share
    assert_eq!(
        metrics("Israel says 132 hostages remain in Gaza and 25 of them are dead."),
        [Some("hostages.held".to_string()), None]
    );
    assert_eq!(
        metrics(
            "Officials said 1,200 people were killed in Israel and 240 in Gaza were taken hostage."
        ),
        [Some("deaths.israel".to_string()), None]
    );
}

#[test]
fn injured_in_gaza() {
    assert_metric(
        Some("injured.gaza"),
        &[
            "More than 50,000 people have been wounded in Gaza, the ministry said.",
            "The number of injured in the enclave stands at 60,000.",
            "In Gaza, 61,000 people have suffered injuries since October.",
        ],
    );
    assert_metric(None, &["Some 300 soldiers were wounded in Israel."]);
}

#[test]
fn displaced_in_gaza() {
    assert_metric(
        Some("displaced.gaza"),
        &[
            "Troops may enter Rafah, where over 1.5 million civilians have sought refuge.",
            "The UN says 1.9 million Gazans have fled their homes.",
            "About 1.7 million people in Gaza have been displaced.",
            "Some 1.4 million people are now crammed into Rafah.",
            "In Gaza, 1.7 million people have left their homes.",
        ],
    );
    assert_metric(
        None,
        &[
            "Some 60,000 Israelis have been displaced from northern Israel.",
            "Gaza's population of 2.3 million has been squeezed into the south.",
        ],
    );
}

/// An apposition between a figure's noun and its verb (`people, mostly
/// civilians, were killed`) does not hide the cue after it.
#[test]
fn the_cue_after_an_apposition_counts() {
    assert_metric(
        Some("deaths.israel"),
        &["Nearly 1,200 people, mostly civilians, were killed in the October 7 attack."],
    );
    assert_metric(
        Some("displaced.gaza"),
        &["Some 1.7 million people, or most of the population, have been displaced in Gaza."],
    );
    let found = claims(
        "More than 1.9 million Gazans, about 85 percent of the population, have been displaced.",
    );
    assert_eq!(found[0].1.as_deref(), Some("displaced.gaza"));
    assert_eq!(found[1].1, None);
}

#[test]
fn pause_days() {
    assert_metric(
        Some("pause.days"),
        &[
            "The proposed pause, lasting up to three days, would let aid in.",
            "They discussed a 60-day ceasefire.",
            "Both sides agreed to a four-day truce.",
        ],
    );
    assert_metric(
        None,
        &[
            "The ceasefire came after 470 days of war.",
            "The talks lasted three days in Cairo.",
        ],
    );
}

#[test]
fn percentages_and_money_are_never_counts_of_a_metric() {
    assert_metric(
        None,
        &[
            "Aid trucks were cut by 40% this week.",
            "Each of the trucks cost $165 to load.",
        ],
    );
}

#[test]
fn figures_without_a_cue_stay_unclassified() {
    assert_metric(
        None,
        &["Talks lasted two hours.", "The envoy met four officials."],
    );
}

// An abbreviated month's period does not end the sentence, so the figure
// after it keeps the date before it.
#[test]
fn abbreviated_months_date_the_figure() {
    for (month, day) in [
        ("Jun.", "2023-06-05"),
        ("Jul.", "2023-07-05"),
        ("Sept.", "2023-09-05"),
    ] {
        let text = format!("On {month} 5 the toll in Gaza rose to 36,000 people killed.");
        let (_, claims) = classified(&text);
        let found = claims[0].as_of.as_ref().map(|when| when.day.to_string());
        assert_eq!(found.as_deref(), Some(day), "{text}");
    }
}
