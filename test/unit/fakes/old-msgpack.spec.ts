/** The loopback direct server's codec must write what direct-js's old-spec decoder reads. */
import assert from 'node:assert/strict';
import { decode, encode } from '../../fakes/old-msgpack';

describe('old-spec MessagePack (test codec of the loopback direct server)', () => {
  it('writes strings of 32-255 bytes as str16, never str8, and int64 ids as 0xd3', () => {
    assert.deepEqual([...encode('a'.repeat(31)).subarray(0, 1)], [0xbf]);
    assert.deepEqual([...encode('a'.repeat(32)).subarray(0, 3)], [0xda, 0x00, 0x20]);
    assert.deepEqual([...encode('あ'.repeat(85)).subarray(0, 3)], [0xda, 0x00, 0xff]);
    assert.deepEqual([...encode((1n << 32n) + 100n)], [0xd3, 0, 0, 0, 1, 0, 0, 0, 100]);
  });

  it('round-trips the values of the protocol', () => {
    const value = [
      0,
      12,
      'create_message',
      [(1n << 32n) + 300n, 502, { question: '質問', options: ['a', 'b'], listing: false }],
    ];
    assert.deepEqual(decode(encode(value)), value);
    assert.deepEqual(decode(encode([-1, -33, 200, 70_000, 5_000_000_000, 1.5, null, true])), [
      -1,
      -33,
      200,
      70_000,
      5_000_000_000n,
      1.5,
      null,
      true,
    ]);
  });
});
