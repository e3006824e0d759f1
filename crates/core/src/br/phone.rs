//! Brazilian phone numbers: a valid DDD (area code) and 8 or 9 digits.
