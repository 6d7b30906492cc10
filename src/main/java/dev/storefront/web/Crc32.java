package dev.storefront.web;

/**
 * CRC-32 (gzip's) of two byte runs joined, from the CRC of each and the second's length, without the
 * bytes: zlib's {@code crc32_combine}, by multiplying in GF(2) modulo the CRC polynomial (reflected).
 */
final class Crc32 {

    private static final int POLYNOMIAL = 0xedb88320;

    /** x^(2^k) modulo the polynomial, for k = 0..31 (reflected: x^0 is the top bit). */
    private static final int[] X_TO_TWO_TO_THE = new int[32];

    static {
        int p = 1 << 30; // x^1
        X_TO_TWO_TO_THE[0] = p;
        for (int k = 1; k < 32; k++) {
            p = multiply(p, p);
            X_TO_TWO_TO_THE[k] = p;
        }
    }

    private Crc32() {
    }

    /** The CRC-32 of A followed by B, given CRC-32(A), CRC-32(B) and B's length in bytes. */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(xToTheEightTimes(lengthB), crcA) ^ crcB;
    }

    /** a × b modulo the polynomial. */
    private static int multiply(int a, int b) {
        int m = 1 << 31;
        int product = 0;
        while (true) {
            if ((a & m) != 0) {
                product ^= b;
                if ((a & (m - 1)) == 0) {
                    return product;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
        }
    }

    /** x^(8n) modulo the polynomial: the shift of a CRC past n zero bytes. */
    private static int xToTheEightTimes(long n) {
        int p = 1 << 31; // x^0
        int k = 3;
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiply(X_TO_TWO_TO_THE[k & 31], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }
}
