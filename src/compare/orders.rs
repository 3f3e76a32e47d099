//! Order claims across subjects ("Russia's reserves exceed Ukraine's"): the graph of who is
//! above whom, with overlaps per edge, opposite edges, cycles, and edges the corpus's
//! quantities contradict.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::cross::{Extents, Group, key, name, quantity_quote, subject};
use super::{Context, Slice, Symbol, phrase, quoted_first};
use crate::claim::{Relation, Value};
use crate::finding::{ConflictKind, Finding, FindingKind, Severity};

/// Order claims: overlaps per edge, opposite edges, cycles, and edges the quantities
/// contradict.
pub(super) fn orders(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    orders: &[usize],
    extents: &Extents<'_>,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let edges = edges(context, orders);
    if edges.is_empty() {
        return;
    }
    orders_checked(context, group, slice, &edges, extents, findings, overlaps);
}

/// Order claims as edges: (a, b) when a exceeds b, with the claims that say so.
pub(super) type Edges = BTreeMap<(Symbol, Symbol), Vec<usize>>;

pub(super) fn edges(context: &Context<'_>, orders: &[usize]) -> Edges {
    let mut edges: Edges = BTreeMap::new();
    for &index in orders {
        let claim = &context.claims[index];
        if let (Value::Order(order), Some(subject), Some(than)) =
            (&claim.value, subject(context, index), context.than(index))
        {
            if than == subject {
                continue;
            }
            let edge = match order.relation {
                Relation::Greater => (subject, than),
                Relation::Less => (than, subject),
            };
            edges.entry(edge).or_default().push(index);
        }
    }
    edges
}

fn orders_checked(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    edges: &Edges,
    extents: &Extents<'_>,
    findings: &mut Vec<Finding>,
    overlaps: &mut Vec<Finding>,
) {
    let quote = |index: usize| context.quote(index, &context.claims[index].evidence.quote);
    let described =
        |subject: Symbol| phrase::describe(context.policy, group.kind, Some(context.entity(subject)), group.object);
    let name = |entity: Symbol| name(context, entity);
    let exceed = if phrase::be(group.kind) == "are" {
        "exceed"
    } else {
        "exceeds"
    };

    for (&(greater, smaller), claims) in edges {
        // Agreement on an edge.
        let articles = context.article_count(claims);
        if articles >= 2 && slice.reports(context, claims) {
            let representative = context.representative(claims);
            let reason = format!(
                "{articles} articles agree that {} {exceed} {}'s",
                described(greater),
                name(smaller)
            );
            let mut ordered = vec![representative];
            ordered.extend(claims.iter().copied().filter(|&index| index != representative));
            let key = key(context, slice, &ordered);
            overlaps.push(context.finding(FindingKind::Overlap, Severity::Info, key, reason, ordered));
        }
        // Opposite edges.
        if greater < smaller
            && let Some(reverse) = edges.get(&(smaller, greater))
        {
            let all: Vec<usize> = claims.iter().chain(reverse).copied().collect();
            if slice.reports(context, &all) {
                let quoted = [context.representative(claims), context.representative(reverse)];
                let reason = format!(
                    "{} is put above {} for {} in {} but below it in {}",
                    name(greater),
                    name(smaller),
                    group.what,
                    quote(quoted[0]),
                    quote(quoted[1]),
                );
                let claims = quoted_first(&quoted, all);
                let key = key(context, slice, &claims);
                findings.push(context.conflict(ConflictKind::Order, key, reason, &quoted, claims));
            }
        }
        // Quantities that put the smaller one higher.
        for subjects in extents.values() {
            let (Some(high), Some(low)) = (subjects.get(&greater), subjects.get(&smaller)) else {
                continue;
            };
            if high.high >= low.low {
                continue;
            }
            let representative = context.representative(claims);
            let quoted = [representative, low.low_claim, high.high_claim];
            if !slice.reports(context, &quoted) {
                continue;
            }
            let reason = format!(
                "{} is said to exceed {} for {} in {}, but the corpus puts {} at {} against {}'s {}",
                name(greater),
                name(smaller),
                group.what,
                quote(representative),
                name(smaller),
                quantity_quote(context, low.low_claim),
                name(greater),
                quantity_quote(context, high.high_claim),
            );
            let claims = quoted_first(&quoted, claims.iter().copied());
            let key = key(context, slice, &claims);
            findings.push(context.conflict(ConflictKind::Order, key, reason, &quoted, claims));
            break;
        }
    }
    cycles(context, group, slice, edges, findings);
}

/// Cycles over three or more entities among the one-way edges (opposite edges are reported on
/// their own): one conflict per strongly connected component, naming its shortest cycle
/// through its first entity.
fn cycles(
    context: &Context<'_>,
    group: &Group<'_>,
    slice: &Slice,
    edges: &BTreeMap<(Symbol, Symbol), Vec<usize>>,
    findings: &mut Vec<Finding>,
) {
    let one_way: Vec<(Symbol, Symbol)> = edges
        .keys()
        .copied()
        .filter(|&(greater, smaller)| !edges.contains_key(&(smaller, greater)))
        .collect();
    if one_way.len() < 3 {
        return;
    }
    let nodes: Vec<Symbol> = one_way
        .iter()
        .flat_map(|&(greater, smaller)| [greater, smaller])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let position = |node: Symbol| nodes.binary_search(&node).expect("every endpoint is a node");
    // Each one-way edge as positions in `nodes`.
    let steps_at: Vec<(usize, usize)> = one_way
        .iter()
        .map(|&(greater, smaller)| (position(greater), position(smaller)))
        .collect();
    let mut successors = vec![Vec::new(); nodes.len()];
    for &(greater, smaller) in &steps_at {
        successors[greater].push(smaller);
    }
    for component in strongly_connected(&successors) {
        if component.len() < 3 {
            continue;
        }
        let Some(cycle) = shortest_cycle(&successors, &component) else {
            continue;
        };
        let steps: Vec<(Symbol, Symbol)> = cycle
            .iter()
            .zip(cycle.iter().cycle().skip(1))
            .map(|(&from, &to)| (nodes[from], nodes[to]))
            .collect();
        let quoted: Vec<usize> = steps.iter().map(|step| context.representative(&edges[step])).collect();
        let mut inside = vec![false; nodes.len()];
        for &node in &component {
            inside[node] = true;
        }
        let all: Vec<usize> = one_way
            .iter()
            .zip(&steps_at)
            .filter(|(_, (greater, smaller))| inside[*greater] && inside[*smaller])
            .flat_map(|(step, _)| edges[step].iter().copied())
            .collect();
        if !slice.reports(context, &all) {
            continue;
        }
        let mut chain: Vec<&str> = cycle.iter().map(|&node| name(context, nodes[node])).collect();
        chain.push(name(context, nodes[cycle[0]]));
        let quotes: Vec<String> = quoted
            .iter()
            .map(|&index| context.quote(index, &context.claims[index].evidence.quote))
            .collect();
        let reason = format!(
            "order claims on {} form a cycle, {}, so they cannot all hold: {}",
            group.what,
            chain.join(" > "),
            quotes.join("; ")
        );
        let claims = quoted_first(&quoted, all);
        let key = key(context, slice, &claims);
        findings.push(context.conflict(ConflictKind::Order, key, reason, &quoted, claims));
    }
}

/// Strongly connected components (Tarjan, iterative), each sorted ascending.
fn strongly_connected(successors: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let count = successors.len();
    let mut index = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut components = Vec::new();
    for root in 0..count {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        let mut work = vec![(root, 0_usize)];
        while let Some(frame) = work.last_mut() {
            let (node, position) = *frame;
            if let Some(&successor) = successors[node].get(position) {
                frame.1 += 1;
                if index[successor] == UNSEEN {
                    index[successor] = next;
                    low[successor] = next;
                    next += 1;
                    stack.push(successor);
                    on_stack[successor] = true;
                    work.push((successor, 0));
                } else if on_stack[successor] {
                    low[node] = low[node].min(index[successor]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                component.sort_unstable();
                components.push(component);
            }
        }
    }
    components
}

/// The shortest cycle through the first node of `component` (breadth-first), as its nodes.
fn shortest_cycle(successors: &[Vec<usize>], component: &[usize]) -> Option<Vec<usize>> {
    let start = *component.first()?;
    let inside: BTreeSet<usize> = component.iter().copied().collect();
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &successor in &successors[node] {
            if successor == start {
                let mut cycle = vec![node];
                let mut current = node;
                while current != start {
                    current = parent[&current];
                    cycle.push(current);
                }
                cycle.reverse();
                return Some(cycle);
            }
            if inside.contains(&successor) && !parent.contains_key(&successor) {
                parent.insert(successor, node);
                queue.push_back(successor);
            }
        }
    }
    None
}
