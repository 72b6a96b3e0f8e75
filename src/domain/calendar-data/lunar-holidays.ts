/**
 * Dates of the statutory holidays that move with the lunar calendar or the solar terms, for years the
 * State Council may not have published yet. Source: the Chinese calendar (农历) as tabulated by the
 * Purple Mountain Observatory and GB/T 33661-2017 《农历的编算和颁行》, here read from the lunar
 * conversion and solar-term functions of `chinese-days` 1.5.7 (computed to 2100, unlike its holiday
 * data) and checked in tests/unit/calendar-provisional.test.ts. 2033 follows the standard's 闰十一月.
 * 2025 and 2026 are published years: they are here only so tests can check the provisional rule on them.
 */
export type LunarHolidayDates = {
  /** 除夕: the last day of the twelfth lunar month, the first of the four 春节 days. */
  eve: string;
  /** 清明: the day of the Qingming solar term. */
  qingming: string;
  /** 端午: 5th day of the 5th lunar month. */
  dragonBoat: string;
  /** 中秋: 15th day of the 8th lunar month. */
  midAutumn: string;
};

export const LUNAR_HOLIDAYS: Readonly<Record<number, LunarHolidayDates>> = {
  2025: { eve: "2025-01-28", qingming: "2025-04-04", dragonBoat: "2025-05-31", midAutumn: "2025-10-06" },
  2026: { eve: "2026-02-16", qingming: "2026-04-05", dragonBoat: "2026-06-19", midAutumn: "2026-09-25" },
  2027: { eve: "2027-02-05", qingming: "2027-04-05", dragonBoat: "2027-06-09", midAutumn: "2027-09-15" },
  2028: { eve: "2028-01-25", qingming: "2028-04-04", dragonBoat: "2028-05-28", midAutumn: "2028-10-03" },
  2029: { eve: "2029-02-12", qingming: "2029-04-04", dragonBoat: "2029-06-16", midAutumn: "2029-09-22" },
  2030: { eve: "2030-02-02", qingming: "2030-04-05", dragonBoat: "2030-06-05", midAutumn: "2030-09-12" },
  2031: { eve: "2031-01-22", qingming: "2031-04-05", dragonBoat: "2031-06-24", midAutumn: "2031-10-01" },
  2032: { eve: "2032-02-10", qingming: "2032-04-04", dragonBoat: "2032-06-12", midAutumn: "2032-09-19" },
  2033: { eve: "2033-01-30", qingming: "2033-04-04", dragonBoat: "2033-06-01", midAutumn: "2033-09-08" },
  2034: { eve: "2034-02-18", qingming: "2034-04-05", dragonBoat: "2034-06-20", midAutumn: "2034-09-27" },
  2035: { eve: "2035-02-07", qingming: "2035-04-05", dragonBoat: "2035-06-10", midAutumn: "2035-09-16" },
};
