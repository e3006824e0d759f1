//! Side-by-side lanes for visits that overlap in one column.

/// Where a visit sits across its column: lane `index` of `count` equal lanes, `count` being
/// the lanes its group of overlapping visits needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lane {
    pub index: usize,
    pub count: usize,
}

/// The lane of each interval `[start, end)` (in input order), by greedy interval
/// partitioning: in order of start (the longer first on a tie), each takes the lowest lane
/// free at its start. A group is a run of intervals that overlap one another transitively;
/// every member of a group gets the group's lane count, so they share the width evenly.
/// Intervals that only touch (one ends where the next starts) do not overlap.
pub fn lanes(intervals: &[(i64, i64)]) -> Vec<Lane> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by_key(|&at| (intervals[at].0, std::cmp::Reverse(intervals[at].1)));
    let mut result = vec![Lane { index: 0, count: 1 }; intervals.len()];
    let mut group: Vec<usize> = Vec::new();
    // The end of each lane's last interval in the current group.
    let mut lane_ends: Vec<i64> = Vec::new();
    let mut group_end = i64::MIN;
    for at in order {
        let (start, end) = intervals[at];
        let end = end.max(start);
        if start >= group_end {
            close_group(&group, lane_ends.len(), &mut result);
            group.clear();
            lane_ends.clear();
        }
        let lane = match lane_ends.iter().position(|&lane_end| lane_end <= start) {
            Some(free) => {
                lane_ends[free] = end;
                free
            }
            None => {
                lane_ends.push(end);
                lane_ends.len() - 1
            }
        };
        result[at].index = lane;
        group.push(at);
        group_end = if group.len() == 1 {
            end
        } else {
            group_end.max(end)
        };
    }
    close_group(&group, lane_ends.len(), &mut result);
    result
}

fn close_group(group: &[usize], count: usize, result: &mut [Lane]) {
    for &member in group {
        result[member].count = count.max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes_of(intervals: &[(i64, i64)]) -> Vec<(usize, usize)> {
        lanes(intervals)
            .into_iter()
            .map(|lane| (lane.index, lane.count))
            .collect()
    }

    #[test]
    fn apart_or_touching_visits_take_the_whole_width() {
        assert_eq!(lanes_of(&[(0, 60), (60, 120), (200, 260)]), [(0, 1); 3]);
        assert_eq!(lanes_of(&[]), []);
    }

    #[test]
    fn overlapping_visits_share_the_width_of_their_group() {
        // 9:00–10:00 and 9:30–11:00 overlap; 10:00–10:30 fits under the first; 12:00 alone.
        let intervals = [(540, 600), (570, 660), (600, 630), (720, 780)];
        assert_eq!(lanes_of(&intervals), [(0, 2), (1, 2), (0, 2), (0, 1)]);
    }

    #[test]
    fn a_long_visit_chains_a_group_and_lanes_are_reused() {
        // One visit all morning; three short ones under it, one after another, and one
        // overlapping two of them.
        let intervals = [(480, 720), (480, 540), (540, 600), (570, 630), (600, 660)];
        assert_eq!(
            lanes_of(&intervals),
            [(0, 3), (1, 3), (1, 3), (2, 3), (1, 3)]
        );
    }

    #[test]
    fn input_order_does_not_matter_and_ties_put_the_longer_first() {
        let intervals = [(600, 630), (540, 600), (540, 660)];
        assert_eq!(lanes_of(&intervals), [(1, 2), (1, 2), (0, 2)]);
    }
}
