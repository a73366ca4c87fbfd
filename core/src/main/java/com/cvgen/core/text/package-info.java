/**
 * Small text-parsing units for CV structuring: dates and date ranges ({@link
 * com.cvgen.core.text.DateRanges}), contact details ({@link com.cvgen.core.text.ContactPatterns})
 * and the language of a text ({@link com.cvgen.core.text.LanguageDetector}). All are stateless,
 * thread-safe, deterministic and accept any input, including null.
 */
package com.cvgen.core.text;
