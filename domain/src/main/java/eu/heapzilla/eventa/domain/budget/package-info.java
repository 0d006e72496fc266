/**
 * The budget: {@link eu.heapzilla.eventa.domain.budget.BudgetItem items} with estimated,
 * actual and paid amounts as integer minor units ({@link eu.heapzilla.eventa.domain.budget.Money}),
 * their {@link eu.heapzilla.eventa.domain.budget.Receipt receipts}, and the arithmetic that adds
 * them up ({@link eu.heapzilla.eventa.domain.budget.BudgetSummary}). No floating point anywhere.
 */
package eu.heapzilla.eventa.domain.budget;
