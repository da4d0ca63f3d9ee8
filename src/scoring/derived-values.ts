import type { FactName, Facts } from '../facts/fact-schema.js'
import { add, divide, fromNumber, isZero, multiply, subtract, type Rational } from './rational.js'

/**
 * Quantities the standards compute from facts (附件4（十四）). Facts are code, rules are data: a rule names a
 * fact or one of these, never a formula.
 */
export interface DerivedValue {
  name: string
  label: string
  unit: string
  inputs: FactName[]
  /** null when an input is unknown or a denominator is zero. */
  compute(facts: Facts): Rational | null
}

const HUNDRED = fromNumber(100)
const TWO = fromNumber(2)

function known(facts: Facts, name: FactName): Rational | null {
  const value = facts[name]
  return typeof value === 'number' ? fromNumber(value) : null
}

function percentOf(part: Rational | null, whole: Rational | null): Rational | null {
  if (part === null || whole === null || isZero(whole)) return null
  return multiply(divide(part, whole), HUNDRED)
}

function growth(current: Rational | null, previous: Rational | null): Rational | null {
  if (current === null || previous === null || isZero(previous)) return null
  return multiply(divide(subtract(current, previous), previous), HUNDRED)
}

export const DERIVED_VALUES: Record<string, DerivedValue> = {
  rdRatio: { name: 'rdRatio', label: '上年度研发费用占营业收入比重', unit: '%', inputs: ['rdExpense', 'revenue'], compute: (facts) => percentOf(known(facts, 'rdExpense'), known(facts, 'revenue')) },
  rdRatioPrev: { name: 'rdRatioPrev', label: '前年研发费用占营业收入比重', unit: '%', inputs: ['rdExpensePrev', 'revenuePrev'], compute: (facts) => percentOf(known(facts, 'rdExpensePrev'), known(facts, 'revenuePrev')) },
  mainRevenueShare: { name: 'mainRevenueShare', label: '上年度主营业务收入占营业收入比重', unit: '%', inputs: ['mainRevenue', 'revenue'], compute: (facts) => percentOf(known(facts, 'mainRevenue'), known(facts, 'revenue')) },
  mainRevenueGrowth: { name: 'mainRevenueGrowth', label: '上年度主营业务收入增长率', unit: '%', inputs: ['mainRevenue', 'mainRevenuePrev'], compute: (facts) => growth(known(facts, 'mainRevenue'), known(facts, 'mainRevenuePrev')) },
  mainRevenueGrowthAvg2y: {
    name: 'mainRevenueGrowthAvg2y',
    label: '近2年主营业务收入平均增长率',
    unit: '%',
    inputs: ['mainRevenue', 'mainRevenuePrev', 'mainRevenuePrev2'],
    compute: (facts) => {
      const last = growth(known(facts, 'mainRevenue'), known(facts, 'mainRevenuePrev'))
      const before = growth(known(facts, 'mainRevenuePrev'), known(facts, 'mainRevenuePrev2'))
      return last === null || before === null ? null : divide(add(last, before), TWO)
    },
  },
  netProfitMargin: { name: 'netProfitMargin', label: '上年度净利润率', unit: '%', inputs: ['netProfit', 'revenue'], compute: (facts) => percentOf(known(facts, 'netProfit'), known(facts, 'revenue')) },
  rdStaffShare: { name: 'rdStaffShare', label: '研发人员占比', unit: '%', inputs: ['rdStaff', 'employees'], compute: (facts) => percentOf(known(facts, 'rdStaff'), known(facts, 'employees')) },
  rdExpenseAvg2y: {
    name: 'rdExpenseAvg2y',
    label: '近两年研发费用均值',
    unit: '万元',
    inputs: ['rdExpense', 'rdExpensePrev'],
    compute: (facts) => {
      const last = known(facts, 'rdExpense')
      const before = known(facts, 'rdExpensePrev')
      return last === null || before === null ? null : divide(add(last, before), TWO)
    },
  },
  rdExpenseTotal2y: {
    name: 'rdExpenseTotal2y',
    label: '近两年研发费用总额',
    unit: '万元',
    inputs: ['rdExpense', 'rdExpensePrev'],
    compute: (facts) => {
      const last = known(facts, 'rdExpense')
      const before = known(facts, 'rdExpensePrev')
      return last === null || before === null ? null : add(last, before)
    },
  },
}

/** The facts a value (fact or derived) depends on. */
export function inputsOf(value: string): FactName[] {
  return DERIVED_VALUES[value]?.inputs ?? [value as FactName]
}
