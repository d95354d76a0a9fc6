import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from '@/utils/lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once, and parses exactly as it would', () => {
    let built = 0;
    const Item = lazySchema(() => (built++, z.object({ a: z.string() })));
    const List = lazySchema(() => (built++, z.object({ items: z.array(Item), one: z.optional(Item), byKey: z.record(z.string(), Item) })));
    expect(built).toBe(0);
    expect(List.safeParse({ items: [{ a: 'x' }], byKey: { k: { a: 'y' } } }).success).toBe(true);
    expect(built).toBe(2);
    expect(List.safeParse({ items: [{ a: 1 }], byKey: {} }).success).toBe(false);
    expect(Item.safeParse({ a: 'z' })).toEqual({ success: true, data: { a: 'z' } });
    expect(built).toBe(2);
    const value: z.infer<typeof List> = { items: [], byKey: {} };
    expect(List.parse(value)).toEqual(value);
  });

  it('stands in for the schema where zod composes or checks it', () => {
    const Kind = lazySchema(() => z.enum(['a', 'b']));
    expect(Kind instanceof z.ZodMiniEnum).toBe(true);
    expect(Kind.options).toEqual(['a', 'b']);
    expect(z.union([Kind, z.null()]).safeParse(null).success).toBe(true);
    expect(z.array(Kind).safeParse(['a', 'c']).success).toBe(false);
    const Tagged = z.discriminatedUnion('type', [lazySchema(() => z.object({ type: z.literal('x') })), z.object({ type: z.literal('y') })]);
    expect(Tagged.safeParse({ type: 'x' }).success).toBe(true);
    expect(Tagged.safeParse({ type: 'q' }).success).toBe(false);
  });
});
