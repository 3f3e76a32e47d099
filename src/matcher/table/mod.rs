//! Claims from tables, lists and parenthetical figures: what a rule's `[rule.table]` block reads
//! outside the template engine.
//!
//! For each table of an article ([`crate::text::structure`]) and each rule with a table block:
//! the value column is the one whose header holds one of the rule's column words; the header also
//! gives the column's year ("2024 production") and unit ("Reserves (metric tons)", "Share %"),
//! which a bare number in a cell takes; the subject is the first lexicon mention among the row's
//! other cells; the object comes from the caption, heading or header (or the rule's default). A
//! rank comes from a rank column ("Rank", "#"), or from the order of a table or numbered list its
//! context calls a ranking ("largest", "top"). A list item is a label and a figure; its heading
//! must name the rule's column words. A figure in parentheses right after a subject mention in a
//! sentence ("ahead of Brazil (21 million tonnes)") is that subject's figure; a figure in
//! parentheses right after another figure ("$4.2bn (£3.3bn)") is the same figure restated, kept
//! as the claim's [`Claim::alternate`] ([`alternate_after`]).
//!
//! Every claim quotes its cell exactly (`text[span] == quote`) and its line:column is the cell's;
//! the row is its sentence. Decorations — emoji flags, footnote markers (`*`, `†`, `[1]`) and
//! thousands separators of any kind — are skipped when reading a cell and kept in the quote.
//! Work is linear in the table: each cell is tokenized once per rule that reads it.

use std::ops::Range;

use crate::claim::{Cell, Claim, Entity, Evidence, Modality, Quantity, Rank, Scope, Span, Value};
use crate::extract::{quantity, year};
use crate::modality::{self, Sentence};
use crate::rules::lexicon::EntityMatch;
use crate::rules::table::{RANK_HEADERS, TableRule, TableValue, words};
use crate::rules::{Rule, RuleSet};
use crate::text::structure::{Structure, StructureKind};
use crate::text::token::{Token, tokenize_into};
use crate::text::{Article, segment};

use self::cells::{header_unit, header_year, read_quantity};

mod cells;

/// Whether any rule reads tables, lists or parenthetical figures.
pub(super) fn reads_structures(rules: &RuleSet) -> bool {
    rules.rules.iter().any(|rule| rule.table.is_some())
}

/// The value restated in parentheses right after byte `after` of the sentence tokenized as
/// `tokens` ("$4.2bn (£3.3bn)", "1.5 million tonnes (3.3 billion pounds)"), if there is one: a
/// mass after a mass or money after money (so "44 Mt (2023)" and "30 Mt (20%)" are not
/// restatements), with the token just after its `)`.
pub(super) fn restated_after(text: &str, tokens: &[Token], after: usize, unit: &str) -> Option<(usize, Quantity)> {
    let open = tokens.partition_point(|token| token.start < after);
    if !tokens.get(open)?.is(text, "(") {
        return None;
    }
    let (end, restated) = quantity::quantity_at(text, tokens, open + 1)?;
    let money = |unit: &str| unit.len() == 3 && unit.bytes().all(|byte| byte.is_ascii_uppercase());
    let same_kind = (unit == "t" && restated.unit == "t") || (money(unit) && money(&restated.unit));
    (same_kind && tokens.get(end)?.is(text, ")")).then_some((end + 1, restated))
}

/// [`restated_after`] without the end: the claim's alternate value.
pub(super) fn alternate_after(text: &str, tokens: &[Token], after: usize, unit: &str) -> Option<Quantity> {
    restated_after(text, tokens, after, unit).map(|(_, restated)| restated)
}

/// Appends the claims the rules' table blocks read from `article` to `claims`.
pub(super) fn structure_claims(rules: &RuleSet, article: &Article, claims: &mut Vec<Claim>) {
    let table_rules: Vec<(&Rule, &TableRule)> = rules
        .rules
        .iter()
        .filter_map(|rule| rule.table.as_ref().map(|table| (rule, table)))
        .collect();
    if table_rules.is_empty() {
        return;
    }
    let mut reader = Reader {
        rules,
        article,
        text: &article.text,
        tokens: Vec::new(),
        entities: Vec::new(),
        scratch: String::new(),
    };
    let before = claims.len();
    for structure in &article.structures().items {
        for &(rule, table) in &table_rules {
            reader.structure(rule, table, structure, claims);
        }
    }
    if table_rules.iter().any(|(_, table)| table.parenthetical) {
        reader.parentheticals(&table_rules, claims);
    }
    // A figure the templates read already is not read twice.
    let (sentences, structured) = claims.split_at(before);
    let keep: Vec<bool> = structured
        .iter()
        .map(|claim| {
            !sentences.iter().any(|earlier| {
                earlier.rule == claim.rule
                    && earlier.subject.as_ref().map(|e| &e.id) == claim.subject.as_ref().map(|e| &e.id)
                    && earlier.evidence.span.start < claim.evidence.span.end
                    && claim.evidence.span.start < earlier.evidence.span.end
            })
        })
        .collect();
    let mut index = 0;
    claims.retain(|_| {
        index += 1;
        index <= before || keep[index - before - 1]
    });
}

/// A value column: its index, header, year and unit.
type ValueColumn<'h> = (usize, Option<String>, Option<i32>, Option<&'h str>);

/// The time of a claim from a table, list or parenthetical: the year its header, context or
/// sentence states, else its article's publication date (as for a sentence's claims).
fn claim_time(year: Option<i32>, article: &Article) -> Option<crate::claim::Time> {
    match year {
        Some(year) => Some(crate::claim::Time {
            year,
            date: None,
            basis: crate::claim::TimeBasis::Stated,
            text: None,
            span: None,
        }),
        None => super::claim::published_time(article),
    }
}

/// Reads cells: per-article buffers for tokens and mentions.
struct Reader<'a> {
    rules: &'a RuleSet,
    article: &'a Article,
    text: &'a str,
    tokens: Vec<Token>,
    entities: Vec<EntityMatch>,
    scratch: String,
}

/// Whether one of `phrases` occurs in `words`, word for word.
fn has_phrase(words: &[String], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|phrase| {
        !phrase.is_empty()
            && words.windows(phrase.len()).any(|window| {
                window
                    .iter()
                    .zip(phrase)
                    .all(|(word, wanted)| word_matches(word, wanted))
            })
    })
}

/// A word of the text matches a phrase word ignoring a plural `s`.
fn word_matches(word: &str, wanted: &str) -> bool {
    word == wanted || word.strip_suffix('s') == Some(wanted) || wanted.strip_suffix('s') == Some(word)
}

impl Reader<'_> {
    /// The first mention of `lexicon` in `text[range]`, as a claim entity.
    fn mention(&mut self, range: Range<usize>, lexicon: u32) -> Option<Entity> {
        let text = self.text;
        self.tokens.clear();
        tokenize_into(text, range, &mut self.tokens);
        self.rules
            .index
            .find(text, &self.tokens, &mut self.scratch, &mut self.entities);
        let found = self.entities.iter().find(|entity| entity.lexicon == lexicon)?;
        let entry = self.rules.entry(found.lexicon, found.entry);
        let span = Span::new(self.tokens[found.start].start, self.tokens[found.end - 1].end);
        Some(Entity {
            id: entry.id.as_str().into(),
            lexicon: self.rules.lexicons[lexicon as usize].name.as_str().into(),
            text: text[span.range()].to_string(),
            span,
        })
    }

    /// The rule's default object, as a claim entity.
    fn default_object(&self, rule: &Rule) -> Option<Entity> {
        rule.object.map(|(lexicon, entry)| Entity {
            id: self.rules.entry(lexicon, entry).id.as_str().into(),
            lexicon: self.rules.lexicons[lexicon as usize].name.as_str().into(),
            text: String::new(),
            span: Span::default(),
        })
    }

    /// The claims `rule` reads from one table or list.
    fn structure(&mut self, rule: &Rule, table: &TableRule, structure: &Structure, claims: &mut Vec<Claim>) {
        let text = self.text;
        let context_range = structure.context.clone();
        let context_text = context_range.clone().map_or("", |range| &text[range]);
        let headers: Vec<&str> = structure.header.iter().map(|cell| &text[cell.clone()]).collect();
        let header_words: Vec<Vec<String>> = headers.iter().map(|header| words(header)).collect();
        let mut all_words = words(context_text);
        all_words.extend(header_words.iter().flatten().cloned());
        if !table.context.is_empty() && !has_phrase(&all_words, &table.context) {
            return;
        }
        let object = table
            .object
            .and_then(|lexicon| {
                let mut places: Vec<Range<usize>> = context_range.clone().into_iter().collect();
                places.extend(structure.header.iter().cloned());
                places.into_iter().find_map(|place| self.mention(place, lexicon))
            })
            .or_else(|| self.default_object(rule));
        let Some(object) = object else {
            return;
        };
        let context_year = context_range.clone().and_then(|range| {
            self.tokens.clear();
            tokenize_into(text, range.clone(), &mut self.tokens);
            // "in 2024" or "as of 2024", else a title's bare year ("Lithium output, 2024").
            year::scope_year(text, &self.tokens)
                .map(|(year, _)| year)
                .or_else(|| header_year(&words(&text[range])))
        });
        let ranking = has_phrase(&all_words, &table.ranking);
        let kind = match structure.kind {
            StructureKind::Table => "table",
            StructureKind::List => "list",
        };
        // (value column, its header, its year, its unit) for quantities; the rank column.
        let rank_column = headers.iter().position(|header| {
            let header = header.trim().trim_end_matches('.').to_lowercase();
            RANK_HEADERS.iter().any(|name| name.trim_end_matches('.') == header)
        });
        let mut columns: Vec<ValueColumn<'_>> = Vec::new();
        match structure.kind {
            StructureKind::Table => {
                for (index, words) in header_words.iter().enumerate() {
                    if Some(index) != rank_column && has_phrase(words, &table.columns) {
                        let year = header_year(words).or(context_year);
                        columns.push((
                            index,
                            Some(headers[index].to_string()),
                            year,
                            header_unit(headers[index]),
                        ));
                    }
                }
            }
            StructureKind::List => {
                if has_phrase(&all_words, &table.columns) {
                    columns.push((
                        1,
                        structure.context.clone().map(|range| text[range].to_string()),
                        context_year,
                        None,
                    ));
                }
            }
        }
        if columns.is_empty() {
            return;
        }
        match table.value {
            TableValue::Quantity(dimension) => {
                for (column, header, year, unit) in &columns {
                    for row in &structure.rows {
                        let Some(cell) = row.cells.get(*column).cloned() else {
                            continue;
                        };
                        let span = Span::new(cell.start, cell.end);
                        let Some((quantity, alternate)) =
                            read_quantity(&text[cell.clone()], span, *unit, &self.rules.vocabulary)
                        else {
                            continue;
                        };
                        if dimension.is_some_and(|dimension| !dimension.admits(&quantity)) {
                            continue;
                        }
                        let Some(subject) = self.row_subject(row, &[*column], rank_column, table.subject) else {
                            continue;
                        };
                        let location = Cell {
                            structure: kind.into(),
                            row: row.position,
                            column: *column as u32 + 1,
                            header: header.clone(),
                        };
                        let value = Value::Quantity(quantity);
                        let row_span = row.span.clone();
                        let claim = self.claim(rule, subject, &object, *year, value, span, row_span, location);
                        claims.push(Claim {
                            alternate: alternate.map(Box::new),
                            ..claim
                        });
                    }
                }
            }
            TableValue::Rank => {
                let (_, header, year, _) = &columns[0];
                let value_columns: Vec<usize> = columns.iter().map(|(column, ..)| *column).collect();
                for row in &structure.rows {
                    let (position, cell) = match (rank_column, row.number) {
                        (Some(column), _) => {
                            let cell = row.cells[column].clone();
                            let number = text[cell.clone()]
                                .trim_start_matches('#')
                                .trim_end_matches(['.', ')', '*'])
                                .trim()
                                .parse::<u32>();
                            let Ok(number) = number else {
                                continue;
                            };
                            (number, Some((column, cell)))
                        }
                        (None, Some(number)) if ranking => (number, None),
                        (None, None) if ranking && structure.kind == StructureKind::Table => (row.position, None),
                        _ => continue,
                    };
                    if position == 0 {
                        continue;
                    }
                    let Some(subject) = self.row_subject(row, &value_columns, rank_column, table.subject) else {
                        continue;
                    };
                    let (column, span) = if let Some((column, cell)) = cell {
                        (column, Span::new(cell.start, cell.end))
                    } else {
                        let column = row
                            .cells
                            .iter()
                            .position(|cell| cell.start <= subject.span.start && subject.span.end <= cell.end)
                            .unwrap_or(0);
                        let cell = &row.cells[column];
                        (column, Span::new(cell.start, cell.end))
                    };
                    let value = Value::Rank(Rank {
                        best: position,
                        worst: position,
                        text: text[span.range()].to_string(),
                        span,
                        ..Rank::default()
                    });
                    // A rank column's own header; the value column's when the order ranks.
                    let header = match (rank_column, headers.get(column)) {
                        (Some(_), Some(rank_header)) => Some((*rank_header).to_string()),
                        _ => header.clone(),
                    };
                    let location = Cell {
                        structure: kind.into(),
                        row: row.position,
                        column: column as u32 + 1,
                        header,
                    };
                    claims.push(self.claim(rule, subject, &object, *year, value, span, row.span.clone(), location));
                }
            }
        }
    }

    /// The row's subject: the first mention of `lexicon` in a cell that is neither a value nor
    /// the rank cell.
    fn row_subject(
        &mut self,
        row: &crate::text::structure::Row,
        values: &[usize],
        rank: Option<usize>,
        lexicon: u32,
    ) -> Option<Entity> {
        row.cells
            .iter()
            .enumerate()
            .filter(|(index, _)| !values.contains(index) && Some(*index) != rank)
            .find_map(|(_, cell)| self.mention(cell.clone(), lexicon))
    }

    #[allow(clippy::too_many_arguments, reason = "one claim's parts, each from another place")]
    fn claim(
        &self,
        rule: &Rule,
        subject: Entity,
        object: &Entity,
        year: Option<i32>,
        value: Value,
        span: Span,
        sentence: Range<usize>,
        cell: Cell,
    ) -> Claim {
        let text = self.text;
        let (line, column) = self.article.line_column(span.start);
        Claim {
            id: String::new(),
            rule: rule.id.as_str().into(),
            kind: rule.kind.as_str().into(),
            subject: Some(subject),
            object: Some(object.clone()),
            scope: Scope { year, region: None },
            value,
            modality: Modality::default(),
            evidence: Evidence {
                path: self.article.path.as_str().into(),
                span,
                line,
                column,
                quote: text[span.range()].to_string(),
                sentence: text[sentence.clone()].into(),
                sentence_span: Span::new(sentence.start, sentence.end),
                whole_sentence: None,
            },
            alternate: None,
            cell: Some(Box::new(cell)),
            time: claim_time(year, self.article).map(Box::new),
            antecedent: None,
            alias_link: None,
            stand_in: None,
            source: None,
            edition: None,
        }
    }

    /// "Entity (figure)" in the sentences of the article's regions, for the quantity rules
    /// that read parentheticals. Only sentences with an opening parenthesis right before a
    /// figure are segmented and tokenized.
    fn parentheticals(&mut self, table_rules: &[(&Rule, &TableRule)], claims: &mut Vec<Claim>) {
        let text = self.text;
        let bytes = text.as_bytes();
        // The first word of every column phrase of the rules that read parentheticals.
        let column_words: Vec<&str> = table_rules
            .iter()
            .filter(|(_, table)| table.parenthetical)
            .flat_map(|(_, table)| table.columns.iter().filter_map(|phrase| phrase.first()))
            .map(|word| word.trim_end_matches('s'))
            .filter(|word| !word.is_empty())
            .collect();
        let subjects: Vec<u32> = table_rules
            .iter()
            .filter(|(_, table)| table.parenthetical)
            .map(|(_, table)| table.subject)
            .collect();
        for region in &self.article.regions {
            // A `(` before a figure, after a word: cheap tests first, then the column words of
            // its paragraph, and only then a lexicon lookup of the words before it.
            let mut hits: Vec<usize> = Vec::new();
            for at in memchr::memchr_iter(b'(', &bytes[region.clone()]).map(|at| region.start + at) {
                let after = text[at + 1..].trim_start();
                let before = text[region.start..at].trim_end();
                let figure =
                    after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | '~' | '≈'));
                if figure && before.ends_with(char::is_alphabetic) {
                    hits.push(at);
                }
            }
            if hits.is_empty() {
                continue;
            }
            // Only paragraphs with a hit that name a column word are split into sentences.
            for block in segment::blocks(text, region.clone()) {
                let first = hits.partition_point(|&hit| hit < block.start);
                let last = hits.partition_point(|&hit| hit < block.end);
                if first == last {
                    continue;
                }
                let lowercase = text[block.clone()].to_ascii_lowercase();
                let named = column_words
                    .iter()
                    .any(|word| memchr::memmem::find(lowercase.as_bytes(), word.as_bytes()).is_some());
                if !named {
                    continue;
                }
                let subject_hits: Vec<usize> = hits[first..last]
                    .iter()
                    .copied()
                    .filter(|&at| self.subject_ends_at(region.start, at, &subjects))
                    .collect();
                if subject_hits.is_empty() {
                    continue;
                }
                for sentence in segment::segment(text, block) {
                    let first = subject_hits.partition_point(|&hit| hit < sentence.start);
                    if subject_hits.get(first).is_some_and(|&hit| hit < sentence.end) {
                        self.parenthetical_sentence(table_rules, sentence, claims);
                    }
                }
            }
        }
    }

    /// Whether a mention of one of `subjects` ends right before byte `at` (looked for in the
    /// few words before it, from no earlier than `floor`).
    fn subject_ends_at(&mut self, floor: usize, at: usize, subjects: &[u32]) -> bool {
        let text = self.text;
        let mut start = at.saturating_sub(96).max(floor);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        if start > floor {
            // Start at a word boundary, not inside a word.
            start = text[start..at]
                .find(char::is_whitespace)
                .map_or(at, |space| start + space);
        }
        self.tokens.clear();
        tokenize_into(text, start..at, &mut self.tokens);
        self.rules
            .index
            .find(text, &self.tokens, &mut self.scratch, &mut self.entities);
        let last = self.tokens.len();
        self.entities
            .iter()
            .any(|entity| entity.end == last && subjects.contains(&entity.lexicon))
    }

    fn parenthetical_sentence(
        &mut self,
        table_rules: &[(&Rule, &TableRule)],
        sentence: Range<usize>,
        claims: &mut Vec<Claim>,
    ) {
        let (rules, text) = (self.rules, self.text);
        let mut tokens = Vec::new();
        tokenize_into(text, sentence.clone(), &mut tokens);
        let mut entities = Vec::new();
        rules.index.find(text, &tokens, &mut self.scratch, &mut entities);
        let sentence_words = words(&text[sentence.clone()]);
        let speakers = super::claim::speakers(rules, &entities);
        let view = Sentence::new(text, &tokens, &speakers);
        let scope_year = year::scope_year(text, &tokens).map(|(year, _)| year);
        for &(rule, table) in table_rules {
            let TableValue::Quantity(dimension) = table.value else {
                continue;
            };
            if !table.parenthetical
                || !has_phrase(&sentence_words, &table.columns)
                || (!table.context.is_empty() && !has_phrase(&sentence_words, &table.context))
            {
                continue;
            }
            let object = table
                .object
                .and_then(|lexicon| entities.iter().find(|entity| entity.lexicon == lexicon))
                .map(|found| self.entity(&tokens, found))
                .or_else(|| self.default_object(rule));
            let Some(object) = object else {
                continue;
            };
            for (index, found) in entities.iter().enumerate() {
                if found.lexicon != table.subject || !tokens.get(found.end).is_some_and(|token| token.is(text, "(")) {
                    continue;
                }
                // The longest mention at a start only ("South Africa", not "Africa").
                if entities[..index]
                    .iter()
                    .any(|other| other.start <= found.start && found.end <= other.end && other.lexicon == found.lexicon)
                {
                    continue;
                }
                let Some((end, quantity)) = quantity::quantity_in(text, &tokens, found.end + 1, &rules.vocabulary)
                else {
                    continue;
                };
                if !tokens
                    .get(end)
                    .is_some_and(|token| token.is(text, ")") || token.is(text, ",") || token.is(text, ";"))
                {
                    continue;
                }
                if dimension.is_some_and(|dimension| !dimension.admits(&quantity)) {
                    continue;
                }
                let subject = self.entity(&tokens, found);
                // The quote runs to the closing parenthesis when the figure ends there.
                let last = if tokens[end].is(text, ")") { end } else { end - 1 };
                let span = Span::new(tokens[found.start].start, tokens[last].end);
                let cell = Cell {
                    structure: "parenthetical".into(),
                    row: 1,
                    column: 1,
                    header: None,
                };
                let mut claim = self.claim(
                    rule,
                    subject,
                    &object,
                    scope_year,
                    Value::Quantity(quantity),
                    span,
                    sentence.clone(),
                    cell,
                );
                claim.modality = modality::detect(&rules.cues, &view, found.start..end);
                claim.source = claim
                    .modality
                    .attribution
                    .as_ref()
                    .map(|attribution| attribution.speaker.clone());
                claim.edition = crate::claim::edition(claim.source.as_deref(), claim.time.as_deref());
                claims.push(claim);
            }
        }
    }

    fn entity(&self, tokens: &[Token], found: &EntityMatch) -> Entity {
        let entry = self.rules.entry(found.lexicon, found.entry);
        let span = Span::new(tokens[found.start].start, tokens[found.end - 1].end);
        Entity {
            id: entry.id.as_str().into(),
            lexicon: self.rules.lexicons[found.lexicon as usize].name.as_str().into(),
            text: self.text[span.range()].to_string(),
            span,
        }
    }
}
