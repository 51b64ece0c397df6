/**
 * The APPI as amended in 2020 took effect on 2022-04-01 and renumbered the articles this library cites. Rules
 * write the numbers in force from then; a decision before that instant cites the numbers in force at its time.
 */
export const APPI_RENUMBERED_AT_MS = Date.UTC(2022, 2, 31, 15); // 2022-04-01T00:00:00+09:00

const BEFORE_2022: Readonly<Record<number, number>> = {
  18: 16, // 利用目的による制限
  25: 22, // 委託先の監督
  27: 23, // 第三者提供の制限
  43: 36, // 匿名加工情報の作成等
  44: 37, // 匿名加工情報の提供
};

/** The APPI article number in force before 2022-04-01 for one numbered as in force from then. */
export function appiArticleBefore2022(article: number): number {
  return BEFORE_2022[article] ?? article;
}
