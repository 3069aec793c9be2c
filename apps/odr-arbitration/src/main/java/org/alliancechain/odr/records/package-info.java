/**
 * What ODR tells the public verification page about its records (evidence items, hearing minutes,
 * awards): a look-up across the case features, so it sits above them.
 */
package org.alliancechain.odr.records;
