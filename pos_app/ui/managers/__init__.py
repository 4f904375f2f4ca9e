"""What a store manager does away from the customer: Recent pickups and reversals, the
staff list, and acknowledging what the journal check found."""
