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
  /**
   * The values of one input at which the quantity equals `target`, the other inputs being known: [] when no value
   * does (or every value does), null when this input cannot be solved for exactly. Used to find band edges in
   * terms of a fact (advice) and to split an unknown fact into cases (verdicts).
   */
  solve(input: FactName, target: Rational, facts: Facts): Rational[] | null
}

const HUNDRED = fromNumber(100)
const TWO = fromNumber(2)
const FIFTY = fromNumber(50)

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

/** 100 × part / whole = target, solved for part or whole. */
function solvePercent(partName: FactName, wholeName: FactName) {
  return (input: FactName, target: Rational, facts: Facts): Rational[] | null => {
    if (input === partName) {
      const whole = known(facts, wholeName)
      return whole === null || isZero(whole) ? [] : [divide(multiply(target, whole), HUNDRED)]
    }
    const part = known(facts, partName)
    return part === null || isZero(target) ? [] : [divide(multiply(part, HUNDRED), target)]
  }
}

/** 100 × (current − previous) / previous = target, solved for current or previous. */
function solveGrowth(currentName: FactName, previousName: FactName) {
  return (input: FactName, target: Rational, facts: Facts): Rational[] | null => {
    const factor = add(fromNumber(1), divide(target, HUNDRED))
    if (input === currentName) {
      const previous = known(facts, previousName)
      return previous === null || isZero(previous) ? [] : [multiply(previous, factor)]
    }
    const current = known(facts, currentName)
    return current === null || isZero(factor) ? [] : [divide(current, factor)]
  }
}

/** (first + second) / divisor = target, solved for either input. */
function solveSum(names: [FactName, FactName], divisor: Rational) {
  return (input: FactName, target: Rational, facts: Facts): Rational[] | null => {
    const other = known(facts, names[0] === input ? names[1] : names[0])
    return other === null ? [] : [subtract(multiply(target, divisor), other)]
  }
}

export const DERIVED_VALUES: Record<string, DerivedValue> = {
  rdRatio: {
    name: 'rdRatio',
    label: '上年度研发费用占营业收入比重',
    unit: '%',
    inputs: ['rdExpense', 'revenue'],
    compute: (facts) => percentOf(known(facts, 'rdExpense'), known(facts, 'revenue')),
    solve: solvePercent('rdExpense', 'revenue'),
  },
  rdRatioPrev: {
    name: 'rdRatioPrev',
    label: '前年研发费用占营业收入比重',
    unit: '%',
    inputs: ['rdExpensePrev', 'revenuePrev'],
    compute: (facts) => percentOf(known(facts, 'rdExpensePrev'), known(facts, 'revenuePrev')),
    solve: solvePercent('rdExpensePrev', 'revenuePrev'),
  },
  mainRevenueShare: {
    name: 'mainRevenueShare',
    label: '上年度主营业务收入占营业收入比重',
    unit: '%',
    inputs: ['mainRevenue', 'revenue'],
    compute: (facts) => percentOf(known(facts, 'mainRevenue'), known(facts, 'revenue')),
    solve: solvePercent('mainRevenue', 'revenue'),
  },
  mainRevenueGrowth: {
    name: 'mainRevenueGrowth',
    label: '上年度主营业务收入增长率',
    unit: '%',
    inputs: ['mainRevenue', 'mainRevenuePrev'],
    compute: (facts) => growth(known(facts, 'mainRevenue'), known(facts, 'mainRevenuePrev')),
    solve: solveGrowth('mainRevenue', 'mainRevenuePrev'),
  },
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
    // average = 50·m/p + 50·p/q − 100: linear in m and in 1/q; quadratic in p (not solved exactly).
    solve: (input, target, facts) => {
      const [last, previous, before] = [
        known(facts, 'mainRevenue'),
        known(facts, 'mainRevenuePrev'),
        known(facts, 'mainRevenuePrev2'),
      ]
      const level = add(target, HUNDRED)
      if (input === 'mainRevenue') {
        if (previous === null || before === null || isZero(previous) || isZero(before)) return []
        return [divide(multiply(previous, subtract(level, divide(multiply(FIFTY, previous), before))), FIFTY)]
      }
      if (input === 'mainRevenuePrev2') {
        if (last === null || previous === null || isZero(previous)) return []
        const rest = subtract(level, divide(multiply(FIFTY, last), previous))
        return isZero(rest) ? [] : [divide(multiply(FIFTY, previous), rest)]
      }
      return null
    },
  },
  netProfitMargin: {
    name: 'netProfitMargin',
    label: '上年度净利润率',
    unit: '%',
    inputs: ['netProfit', 'revenue'],
    compute: (facts) => percentOf(known(facts, 'netProfit'), known(facts, 'revenue')),
    solve: solvePercent('netProfit', 'revenue'),
  },
  rdStaffShare: {
    name: 'rdStaffShare',
    label: '研发人员占比',
    unit: '%',
    inputs: ['rdStaff', 'employees'],
    compute: (facts) => percentOf(known(facts, 'rdStaff'), known(facts, 'employees')),
    solve: solvePercent('rdStaff', 'employees'),
  },
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
    solve: solveSum(['rdExpense', 'rdExpensePrev'], TWO),
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
    solve: solveSum(['rdExpense', 'rdExpensePrev'], fromNumber(1)),
  },
}

/** The facts a value (fact or derived) depends on. */
export function inputsOf(value: string): FactName[] {
  return DERIVED_VALUES[value]?.inputs ?? [value as FactName]
}
