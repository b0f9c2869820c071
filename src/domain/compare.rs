//! Comparing an amount with a target or a limit the way a person reads the figures. Sums of
//! decimals in floating point land a hair off the figure they add up to (137.4 + 191.3 + 21.3
//! is 350.00000000000006), so amounts are compared at a thousandth of their unit: a day that
//! adds up to the 350 mg limit is at it, not above it.

/// A thousandth of the nutrient's unit, the finest step any figure is compared at.
const STEPS_PER_UNIT: f64 = 1000.0;

fn steps(x: f64) -> f64 {
    (x * STEPS_PER_UNIT).round()
}

/// Whether `amount` is above `limit`.
pub fn above(amount: f64, limit: f64) -> bool {
    steps(amount) > steps(limit)
}

/// Whether `amount` reaches `target` (is at or above it).
pub fn reached(amount: f64, target: f64) -> bool {
    steps(amount) >= steps(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_of_decimals_are_compared_as_written() {
        let sum = 137.4 + 191.3 + 21.3;
        assert!(sum > 350.0, "the float sum itself is a hair above");
        assert!(!above(sum, 350.0));
        assert!(reached(sum, 350.0));
        assert!(above(350.001, 350.0));
        assert!(!reached(349.999, 350.0));
        let short = 0.1 + 0.2 + 319.7; // 320.00000000000006 or 319.99999999999994
        assert!(reached(short, 320.0) && !above(short, 320.0));
    }
}
