package dev.hibernateae.internal.hibernate.model;

public enum BloodType { A_POSITIVE, A_NEGATIVE, B_POSITIVE, O_NEGATIVE, AB_POSITIVE }
