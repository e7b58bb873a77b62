/** "1 quote", "2 quotes"; `many` for irregular plurals ("entities"). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
