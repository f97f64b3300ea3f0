package org.jwtbearer.incident.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user as the incident API knows it: the user name that {@code caller_id} and {@code assigned_to} hold,
 * the issuer's {@code sys_id} and the display name. Learned from the access tokens of callers.
 */
@Entity
@Table(name = "jb_sys_user")
public class SysUser {

    @Id
    @Column(name = "user_name", length = 255)
    public String userName;

    @Column(name = "sys_id", length = 32)
    public String sysId;

    @Column(name = "name", length = 255)
    public String name;

    @Column(name = "sys_updated_on", nullable = false)
    public Instant sysUpdatedOn;
}
